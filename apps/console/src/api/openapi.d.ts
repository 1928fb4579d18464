// Generated from the api's OpenAPI document by `npm run console:api-types`; do not edit.
export interface paths {
    "/api/v1/access/alarms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gate alarms of your sites (forced open, held open, tamper, offline), newest first */
        get: operations["AlarmsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/alarms/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AlarmsController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/alarms/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AlarmsController_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The access log, newest first. Staff: their sites. Residents: their household's entries and their visitors' */
        get: operations["AccessLogController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/access/events.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The access log as CSV, streamed (same filters and scope, at most 100,000 rows) */
        get: operations["AccessLogController_csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AnnouncementsController_list"];
        put?: never;
        /** Announce on a speaker, a zone or a site; emergency interrupts music at once */
        post: operations["AnnouncementsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AnnouncementsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AnnouncementsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with phone or e-mail and password */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for a new pair (the old one stops working; reusing it signs the login out) */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/buildings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BuildingsController_get"];
        put?: never;
        post?: never;
        /** Delete a building without units (409 otherwise) */
        delete: operations["BuildingsController_remove"];
        options?: never;
        head?: never;
        patch: operations["BuildingsController_update"];
        trace?: never;
    };
    "/api/v1/buildings/{id}/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UnitsController_list"];
        put?: never;
        post: operations["UnitsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DevicesController_list"];
        put?: never;
        /** Provision a gate or speaker; the MQTT password is returned once */
        post: operations["DevicesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DevicesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Commands sent to a device and what became of each, newest first */
        get: operations["DeviceCommandsController_list"];
        put?: never;
        /** Send a safe remote command (gate.mode, speaker.stop, speaker.volume); audited */
        post: operations["DeviceCommandsController_send"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Desired config, the version the device reports, and whether they drift */
        get: operations["DeviceConfigController_get"];
        /** Set the desired config (new version, published retained, delivered until the device reports it) */
        put: operations["DeviceConfigController_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/credentials/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new MQTT password; the old one stops working */
        post: operations["DevicesController_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/decommission": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a device: its credentials stop working and its messages are dropped */
        post: operations["DevicesController_decommission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/presence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Online/offline transitions of a device, newest first (birth, will, telemetry, silence) */
        get: operations["DevicePresenceController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gates/{id}/access-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GatesController_settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Zone (for the default policies) and held-open alarm delay of a gate */
        patch: operations["GatesController_updateSettings"];
        trace?: never;
    };
    "/api/v1/gates/{id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a gate remotely: staff with a reason; a resident for a gate they may use now. Answers with the gate’s ack */
        post: operations["GatesController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MaintenancePlansController_list"];
        put?: never;
        /** A preventive maintenance plan: one ticket per occurrence of its schedule */
        post: operations["MaintenancePlansController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance-plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MaintenancePlansController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a plan or its schedule; active=false stops it */
        patch: operations["MaintenancePlansController_update"];
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/household": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your units and everyone living in them */
        get: operations["ResidentsController_myHousehold"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["NotificationsController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["NotificationsController_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/qr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your rotating entry code (30 s steps, ±1 accepted): the credential that needs no face */
        get: operations["MyQrController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/residents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search residents of your sites by name, phone or unit number */
        get: operations["ResidentsController_list"];
        put?: never;
        /** Add a resident to one or more units; their phone or e-mail becomes the login */
        post: operations["ResidentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/residents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff: residents of their sites. Residents: members of their own household only */
        get: operations["ResidentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["ResidentsController_update"];
        trace?: never;
    };
    "/api/v1/residents/{id}/face": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a face is enrolled, and the consent trail (never the template) */
        get: operations["FacesController_status"];
        put?: never;
        /** Enrol or replace a face: the resident for themselves, or staff of the site on their behalf, with recorded consent */
        post: operations["FacesController_enrol"];
        /** Withdraw consent: the template is deleted, dropped from every matcher and gate; the consent trail is kept */
        delete: operations["FacesController_withdraw"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/residents/{id}/memberships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ResidentsController_addMembership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/residents/{id}/memberships/{unitId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End a membership (kept as history) */
        delete: operations["ResidentsController_removeMembership"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/residents/{id}/move-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End all memberships, mark moved out and disable the login */
        post: operations["ResidentsController_moveOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/residents/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a resident's initial password (imported residents cannot sign in until then) */
        post: operations["ResidentsController_setPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sites you work at (admins: all) */
        get: operations["SitesController_list"];
        put?: never;
        post: operations["SitesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SitesController_get"];
        put?: never;
        post?: never;
        /** Delete an empty site (409 while it has buildings or residents) */
        delete: operations["SitesController_remove"];
        options?: never;
        head?: never;
        patch: operations["SitesController_update"];
        trace?: never;
    };
    "/api/v1/sites/{id}/access-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every policy of the site: the defaults (enabled or switched off) and the custom ones */
        get: operations["SiteAccessPoliciesController_list"];
        put?: never;
        /** Add a custom policy (group × gates × weekly windows); it adds to the defaults; audited, applied at once */
        post: operations["SiteAccessPoliciesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{id}/access-policies/{policyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SiteAccessPoliciesController_get"];
        put?: never;
        post?: never;
        /** Delete a custom policy (defaults are switched off instead); audited */
        delete: operations["SiteAccessPoliciesController_remove"];
        options?: never;
        head?: never;
        /** Change a custom policy, or switch a default one off/on ({"enabled": false}); audited, applied at once */
        patch: operations["SiteAccessPoliciesController_update"];
        trace?: never;
    };
    "/api/v1/sites/{id}/emergency-open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fire egress: every gate of the site opens for everyone; audited */
        post: operations["GatesController_emergencyOpen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{id}/holidays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SiteAccessPoliciesController_holidays"];
        /** Replace the site’s holidays (local dates; optional partial-day windows); policies that follow holidays close or shorten on them */
        put: operations["SiteAccessPoliciesController_setHolidays"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{id}/lockdown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lock down every gate of the site (only staff with the override pass); audited */
        post: operations["GatesController_lockdown"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return every gate of the site to normal; audited */
        post: operations["GatesController_release"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{siteId}/buildings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BuildingsController_list"];
        put?: never;
        post: operations["BuildingsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{siteId}/residents/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import residents from CSV: all rows or none
         * @description Columns: building_code,unit_number,full_name,phone,email,relation. Body: the CSV as text/csv, or a multipart upload in field "file". At most 5242880 bytes and 50000 rows. Imported residents cannot sign in until a password is set.
         */
        post: operations["ResidentsImportController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/speaker-bans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SpeakerBansController_list"];
        put?: never;
        /** Ban a resident from the speakers for a time; their session and queue places end */
        post: operations["SpeakerBansController_ban"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/speaker-bans/{id}/lift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SpeakerBansController_lift"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/speaker-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Session history (residents: their own; staff: their sites) */
        get: operations["SpeakerSessionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/speaker-sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SpeakerSessionsController_get"];
        put?: never;
        post?: never;
        /** End a session or leave the queue (residents: their own; staff: any, with a reason) */
        delete: operations["SpeakerSessionsController_end"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/speaker-sessions/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Claim an offered turn (the queue place becomes a session in pairing) */
        post: operations["SpeakerSessionsController_claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/speaker-sessions/{id}/volume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the volume (clamped to the zone cap, quiet hours and any staff lock) */
        put: operations["SpeakerSessionsController_volume"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/speaker-zones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SpeakerZonesController_list"];
        put?: never;
        /** Create a zone (volume cap, quiet hours, session length, opening hours…) */
        post: operations["SpeakerZonesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/speaker-zones/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SpeakerZonesController_get"];
        put?: never;
        post?: never;
        delete: operations["SpeakerZonesController_remove"];
        options?: never;
        head?: never;
        /** Change a zone; its speakers get the new config and apply it live */
        patch: operations["SpeakerZonesController_update"];
        trace?: never;
    };
    "/api/v1/speaker-zones/{id}/volume-lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Lock the zone's volume at a ceiling (null unlocks) */
        put: operations["SpeakerZonesController_lock"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/speakers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Speakers with their live state (residents: "in use", never who) */
        get: operations["SpeakersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/speakers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SpeakersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/speakers/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a turn: a pairing code when free, else a queue place with position and estimated wait */
        post: operations["SpeakersController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/speakers/{id}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop a speaker: ends its session and whatever plays */
        post: operations["SpeakersController_stop"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/speakers/{id}/zone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Place a speaker in a zone; it gets the zone's config */
        put: operations["SpeakersController_assign"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff of your sites, filtered by position, skill or shift */
        get: operations["StaffController_list"];
        put?: never;
        /** Add a staff member with a login (managers: technicians and managers of their sites) */
        post: operations["StaffController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StaffController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["StaffController_update"];
        trace?: never;
    };
    "/api/v1/staff/{id}/shift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Go on or off shift (technicians: themselves only) */
        put: operations["StaffController_setShift"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ticket-settings/{siteId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The SLA table, business calendar, auto-close and anti-spam settings of a site */
        get: operations["TicketSettingsController_get"];
        /** Override SLA targets, the calendar, auto-close days or the per-resident creation limit */
        put: operations["TicketSettingsController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff: the console list (filters, sort, cursor pages; assignee=me is 'my queue'). Residents: their household's tickets */
        get: operations["TicketsController_list"];
        put?: never;
        /** Report a problem: your home (unitId) or a common area (location) */
        post: operations["TicketsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A ticket with its comments, activity log, attachments and the transitions open to you */
        get: operations["TicketsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Reclassify (category, priority); SLA due times follow */
        patch: operations["TicketsController_reclassify"];
        trace?: never;
    };
    "/api/v1/tickets/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TicketsController_activity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign or reassign a technician */
        post: operations["TicketsController_assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a photo (JPEG, PNG, GIF, WebP, HEIC; size-capped by UPLOADS_MAX_BYTES) */
        post: operations["TicketAttachmentsController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The photo itself (only for those who may see the ticket) */
        get: operations["TicketAttachmentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Comment (public) or add an internal note (staff only) */
        post: operations["TicketsController_comment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge this duplicate into another ticket (both reporters stay informed) */
        post: operations["TicketsController_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rate a resolved ticket 1-5; 2 or less reopens it for a follow-up */
        post: operations["TicketsController_rate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the ticket along the workflow; 409 lists the allowed statuses, or reports a stale version */
        post: operations["TicketsController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts per status with the same filters (console tabs) */
        get: operations["TicketsController_counts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Backlog, time to first response and resolution, SLA compliance, reopen rate, rating — per building, category, technician or period */
        get: operations["TicketMetricsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/metrics/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same metrics as CSV */
        get: operations["TicketMetricsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UnitsController_get"];
        put?: never;
        post?: never;
        /** Delete a unit nobody ever lived in (409 otherwise) */
        delete: operations["UnitsController_remove"];
        options?: never;
        head?: never;
        patch: operations["UnitsController_update"];
        trace?: never;
    };
    "/api/v1/visitor-passes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Residents: their household's passes. Staff: their sites' passes */
        get: operations["VisitorPassesController_list"];
        put?: never;
        /** Issue a pass for a visitor of your household; the QR token is returned once */
        post: operations["VisitorPassesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visitor-passes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["VisitorPassesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visitor-passes/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a pass at once on every gate */
        post: operations["VisitorPassesController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AlarmNoteDto: {
            /** @example Guard on the way */
            note?: string;
        };
        AnnouncementTargetDto: {
            /** @description speaker device id, zone id or site id */
            id: string;
            /** @enum {string} */
            kind: "speaker" | "zone" | "site";
        };
        AssignDto: {
            /** Format: uuid */
            assigneeId: string;
            /** @description the ticket version you last saw; 409 when someone changed it since */
            version: number;
        };
        AssignSpeakerDto: {
            /** Format: uuid */
            zoneId: string;
        };
        CommentDto: {
            body: string;
            /**
             * @description internal notes: staff only
             * @default public
             * @enum {string}
             */
            visibility: "public" | "internal";
        };
        CreateAccessPolicyDto: {
            /** @description default true; the only field a default policy takes */
            enabled?: boolean;
            /** @description the site’s holidays replace the weekly windows (closed, or the holiday’s windows); default false */
            followsHolidays?: boolean;
            /** @description gates of this site */
            gateIds: string[];
            /**
             * @description residents, residents:<buildingId>, staff, staff:cleaning, staff:landscaping, staff:daytime
             * @example staff:cleaning
             */
            groupId: string;
            /** @example Cleaning staff: evenings */
            label: string;
            /** @description null or absent: around the clock */
            windows?: components["schemas"]["WeeklyWindowDto"][] | null;
        };
        CreateAnnouncementDto: {
            /** @example https://cdn.example/announcements/fire-drill.mp3 */
            audioUrl?: string;
            /** @description how long it plays (default: estimated from the text) */
            durationSeconds?: number;
            /**
             * Format: date-time
             * @description undelivered speakers fail after this
             */
            expiresAt?: string;
            /** @enum {string} */
            priority: "normal" | "emergency";
            /**
             * Format: date-time
             * @description play at this time (normal only waits for a gap when absent)
             */
            schedule?: string;
            target: components["schemas"]["AnnouncementTargetDto"];
            text?: string;
        };
        CreateBanDto: {
            /** @description ban length; absent with no `until`: until lifted */
            minutes?: number;
            /** @example played loud music after repeated warnings */
            reason: string;
            /** Format: uuid */
            residentId: string;
            /** Format: date-time */
            until?: string;
        };
        CreateBuildingDto: {
            /**
             * @description unique within the site; CSV imports refer to buildings by it
             * @example B3
             */
            code: string;
            /** @example 18 */
            floors?: number;
            /** @example Building 3 */
            name: string;
        };
        CreateDeviceDto: {
            /**
             * Format: uuid
             * @description for building doors and building speakers
             */
            buildingId?: string;
            /** @enum {string} */
            kind: "gate" | "speaker";
            /** @example North entrance, lane 1 */
            location?: string;
            /** @example North gate */
            name: string;
            /** Format: uuid */
            siteId: string;
        };
        CreateMaintenancePlanDto: {
            /** Format: uuid */
            buildingId?: string;
            /** @enum {string} */
            category: "plumbing" | "electrical" | "elevator" | "cleaning" | "security" | "noise" | "landscaping" | "common_facilities" | "other";
            description?: string;
            /** @description fixed interval in ms (or pattern) */
            everyMs?: number;
            /** @example Building 3 elevator machine room */
            location: string;
            /**
             * @description cron pattern in the site's time zone (or everyMs)
             * @example 0 9 1 * *
             */
            pattern?: string;
            /**
             * @default normal
             * @enum {string}
             */
            priority: "low" | "normal" | "high" | "emergency";
            /** Format: uuid */
            siteId: string;
            /** @example Monthly elevator inspection, building 3 */
            title: string;
        };
        CreateResidentDto: {
            /** @example li.wei@example.com */
            email?: string;
            /** @example Li Wei */
            fullName: string;
            /** @description initial password; without it the resident cannot sign in until a manager sets one */
            password?: string;
            /**
             * @description phone or e-mail is required: it is the login
             * @example 13800138000
             */
            phone?: string;
            /** @description units of one site */
            units: components["schemas"]["MembershipInputDto"][];
        };
        CreateSiteDto: {
            /** @example 88 Lakeside Road */
            address?: string;
            /**
             * @description unique short code: lower-case letters, digits, dashes
             * @example lakeside
             */
            code: string;
            /** @example Lakeside Gardens */
            name: string;
            /**
             * @default Asia/Shanghai
             * @example Asia/Shanghai
             */
            timezone: string;
        };
        CreateStaffDto: {
            email?: string;
            /** @example Zhao Gang */
            fullName: string;
            /** @default false */
            onShift: boolean;
            password?: string;
            /** @description phone or e-mail is required: it is the login */
            phone?: string;
            /** @enum {string} */
            position: "technician" | "manager" | "admin";
            siteIds: string[];
            skills: ("plumbing" | "electrical" | "elevator" | "cleaning" | "security" | "landscaping" | "general")[];
        };
        CreateTicketDto: {
            /**
             * Format: uuid
             * @description the building of a common-area location
             */
            buildingId?: string;
            /** @enum {string} */
            category: "plumbing" | "electrical" | "elevator" | "cleaning" | "security" | "noise" | "landscaping" | "common_facilities" | "other";
            description: string;
            /**
             * @description a common area (instead of unitId)
             * @example Building 3 lobby
             */
            location?: string;
            preferredWindow?: components["schemas"]["PreferredWindowDto"];
            /**
             * @description a detected emergency overrides it
             * @enum {string}
             */
            priority?: "low" | "normal" | "high" | "emergency";
            /**
             * Format: uuid
             * @description staff, or residents of several sites, reporting a common area
             */
            siteId?: string;
            /** @example Kitchen tap leaking */
            title: string;
            /**
             * Format: uuid
             * @description one of your household units (or give a common-area location)
             */
            unitId?: string;
        };
        CreateUnitDto: {
            /** @example 12 */
            floor?: number;
            /**
             * @description unique within the building
             * @example 1201
             */
            number: string;
        };
        CreateVisitorPassDto: {
            /** @description only these gates (default: wherever the host may go) */
            gateIds?: string[];
            /** @example 1 */
            maxUses: number;
            /** @example 13900001111 */
            phone?: string;
            /**
             * Format: uuid
             * @description the household unit (needed only when you belong to several)
             */
            unitId?: string;
            /** Format: date-time */
            validFrom: string;
            /** Format: date-time */
            validUntil: string;
            /** @example Wang Fang */
            visitorName: string;
        };
        CreateZoneDto: {
            /** @example Lakeside plaza */
            name: string;
            /** @description zone rules (volumeCap, quietHours, maxSessionMinutes, openingHours, dailySessionCap, …); defaults fill the rest */
            rules?: Record<string, never>;
            /** Format: uuid */
            siteId: string;
            /** @description timing overrides in seconds: pairingSeconds, claimSeconds, warningSeconds, reconnectGraceSeconds */
            timings?: Record<string, never>;
        };
        DailyWindowDto: {
            /**
             * @description HH:mm, local time of the site
             * @example 06:00
             */
            from: string;
            /**
             * @description HH:mm or 24:00; before `from` = crosses midnight
             * @example 20:00
             */
            to: string;
        };
        EndSessionDto: {
            /** @description required for staff */
            reason?: string;
        };
        EnrolFaceDto: {
            /** @description required: without consent the request is refused with 422 */
            consent?: components["schemas"]["FaceConsentDto"];
            /** @description base64 of the float32 little-endian template (FACE_EMBEDDING_DIM values); normalized and stored, never returned */
            embedding: string;
        };
        FaceConsentDto: {
            /**
             * @description where consent was given (staff enrolling on a resident’s behalf: console or paper)
             * @enum {string}
             */
            channel: "app" | "console" | "kiosk" | "paper";
            /** @description must be true: enrolment needs explicit consent */
            given: boolean;
            /**
             * @description the privacy notice the resident was shown
             * @example privacy-2026-01
             */
            noticeVersion: string;
        };
        GateSettingsDto: {
            heldOpenSeconds?: number;
            /**
             * @description for the default policies: perimeter, building door, amenity
             * @enum {string}
             */
            zone?: "perimeter" | "building" | "amenity";
        };
        LoginDto: {
            /**
             * @description phone number or e-mail
             * @example admin@demo.community
             */
            login: string;
            /** @example demo-password-1 */
            password: string;
        };
        MembershipInputDto: {
            /** @enum {string} */
            relation: "owner" | "tenant" | "family";
            /** Format: uuid */
            unitId: string;
        };
        MergeDto: {
            /**
             * Format: uuid
             * @description the ticket this one duplicates
             */
            intoTicketId: string;
            /** @description the ticket version you last saw; 409 when someone changed it since */
            version: number;
        };
        PreferredWindowDto: {
            /** @example 2026-06-02T09:00:00+08:00 */
            from: string;
            /** @example 2026-06-02T12:00:00+08:00 */
            to: string;
        };
        RatingDto: {
            comment?: string;
            score: number;
        };
        ReclassifyDto: {
            /** @enum {string} */
            category?: "plumbing" | "electrical" | "elevator" | "cleaning" | "security" | "noise" | "landscaping" | "common_facilities" | "other";
            /** @enum {string} */
            priority?: "low" | "normal" | "high" | "emergency";
            /** @description the ticket version you last saw; 409 when someone changed it since */
            version: number;
        };
        RefreshDto: {
            refreshToken: string;
        };
        RemoteOpenDto: {
            /** @default 5000 */
            durationMs: number;
            /**
             * @description required for staff
             * @example Delivery van at the north gate
             */
            reason?: string;
        };
        SendDeviceCommandDto: {
            /**
             * @description the command data (PROTOCOL.md)
             * @example {
             *       "mode": "lockdown"
             *     }
             */
            data: {
                [key: string]: unknown;
            };
            /** @description lifetime; the type default when absent */
            ttlMs?: number;
            /** @enum {string} */
            type: "gate.mode" | "speaker.stop" | "speaker.volume";
        };
        SetPasswordDto: {
            password: string;
        };
        SetShiftDto: {
            onShift: boolean;
        };
        SiteHolidayDto: {
            /**
             * @description local date of the site, yyyy-MM-dd
             * @example 2026-10-01
             */
            date: string;
            /** @example National Day */
            name?: string;
            /** @description a partial day: only these windows (absent or empty: closed all day) */
            windows?: components["schemas"]["DailyWindowDto"][];
        };
        SiteHolidaysDto: {
            holidays: components["schemas"]["SiteHolidayDto"][];
        };
        SiteModeDto: {
            /** @example Intruder reported near building 3 */
            reason?: string;
        };
        StopSpeakerDto: {
            reason: string;
        };
        TransitionDto: {
            /**
             * Format: uuid
             * @description to 'assigned': whom (staff may only take it themselves)
             */
            assigneeId?: string;
            /** @description required for on_hold, cancelled, reopened */
            reason?: string;
            /** @description required for resolved */
            resolutionNote?: string;
            /** @enum {string} */
            to: "new" | "assigned" | "in_progress" | "on_hold" | "resolved" | "closed" | "reopened" | "cancelled";
            /** @description the ticket version you last saw; 409 when someone changed it since */
            version: number;
        };
        UpdateAccessPolicyDto: {
            /** @description default true; the only field a default policy takes */
            enabled?: boolean;
            /** @description the site’s holidays replace the weekly windows (closed, or the holiday’s windows); default false */
            followsHolidays?: boolean;
            /** @description gates of this site */
            gateIds?: string[];
            /**
             * @description residents, residents:<buildingId>, staff, staff:cleaning, staff:landscaping, staff:daytime
             * @example staff:cleaning
             */
            groupId?: string;
            /** @example Cleaning staff: evenings */
            label?: string;
            /** @description null or absent: around the clock */
            windows?: components["schemas"]["WeeklyWindowDto"][] | null;
        };
        UpdateBuildingDto: {
            /**
             * @description unique within the site; CSV imports refer to buildings by it
             * @example B3
             */
            code?: string;
            /** @example 18 */
            floors?: number;
            /** @example Building 3 */
            name?: string;
        };
        UpdateMaintenancePlanDto: {
            /** @description false stops the schedule */
            active?: boolean;
            /** Format: uuid */
            buildingId?: string;
            /** @enum {string} */
            category?: "plumbing" | "electrical" | "elevator" | "cleaning" | "security" | "noise" | "landscaping" | "common_facilities" | "other";
            description?: string;
            /** @description fixed interval in ms (or pattern) */
            everyMs?: number;
            /** @example Building 3 elevator machine room */
            location?: string;
            /**
             * @description cron pattern in the site's time zone (or everyMs)
             * @example 0 9 1 * *
             */
            pattern?: string;
            /**
             * @default normal
             * @enum {string}
             */
            priority: "low" | "normal" | "high" | "emergency";
            /** @example Monthly elevator inspection, building 3 */
            title?: string;
        };
        UpdateResidentDto: {
            email?: string;
            fullName?: string;
            phone?: string;
        };
        UpdateSiteDto: {
            /** @example 88 Lakeside Road */
            address?: string;
            /**
             * @description unique short code: lower-case letters, digits, dashes
             * @example lakeside
             */
            code?: string;
            /** @example Lakeside Gardens */
            name?: string;
            /**
             * @default Asia/Shanghai
             * @example Asia/Shanghai
             */
            timezone: string;
        };
        UpdateStaffDto: {
            /** @description false deactivates the person and disables their login */
            active?: boolean;
            email?: string;
            /** @example Zhao Gang */
            fullName?: string;
            /** @default false */
            onShift: boolean;
            /** @description phone or e-mail is required: it is the login */
            phone?: string;
            /** @enum {string} */
            position?: "technician" | "manager" | "admin";
            siteIds?: string[];
            skills?: ("plumbing" | "electrical" | "elevator" | "cleaning" | "security" | "landscaping" | "general")[];
        };
        UpdateTicketSettingsDto: {
            /** @description days a resolved ticket waits before closing itself */
            autoCloseDays?: number;
            /** @description business calendar { timeZone, week, holidays?, makeUpWorkdays? }; null resets to the default in the site zone */
            calendar?: Record<string, never>;
            /** @description tickets one resident may create per hour */
            createLimitPerHour?: number;
            /** @description cells of the SLA table to override: { plumbing: { normal: { firstResponseMinutes, resolutionMinutes, hours } } }; null resets */
            slaPolicy?: Record<string, never>;
        };
        UpdateUnitDto: {
            /** @example 12 */
            floor?: number;
            /**
             * @description unique within the building
             * @example 1201
             */
            number?: string;
        };
        UpdateZoneDto: {
            name?: string;
            /** @description rules to change (quietHours merges field by field) */
            rules?: Record<string, never>;
            /** @description timing overrides in seconds; null removes one */
            timings?: Record<string, never>;
        };
        VolumeDto: {
            level: number;
        };
        VolumeLockDto: {
            /** @description ceiling for the zone; null lifts the lock */
            level: Record<string, never> | null;
            reason?: string;
        };
        WeeklyWindowDto: {
            /**
             * @description ISO weekdays, 1 = Monday … 7 = Sunday
             * @example [
             *       1,
             *       2,
             *       3,
             *       4,
             *       5
             *     ]
             */
            days: string[];
            /**
             * @description HH:mm, local time of the site
             * @example 06:00
             */
            from: string;
            /**
             * @description HH:mm or 24:00; before `from` = crosses midnight
             * @example 20:00
             */
            to: string;
        };
        WithdrawFaceDto: {
            /** @enum {string} */
            channel?: "app" | "console" | "kiosk" | "paper";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AlarmsController_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
                siteId?: string;
                /** @description default: every status */
                status?: "open" | "acknowledged" | "resolved";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AlarmsController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlarmNoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AlarmsController_resolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlarmNoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccessLogController_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from the previous page */
                cursor?: string;
                from?: string;
                gateId?: string;
                limit?: number;
                method?: "face" | "qr" | "face_local" | "remote";
                personId?: string;
                result?: "granted" | "denied";
                siteId?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccessLogController_csv: {
        parameters: {
            query?: {
                /** @description from this instant (inclusive) */
                from?: string;
                /** @description a gate (device id) */
                gateId?: string;
                method?: "face" | "qr" | "face_local" | "remote";
                /** @description a resident or staff member */
                personId?: string;
                result?: "granted" | "denied";
                siteId?: string;
                /** @description until this instant (exclusive) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnnouncementsController_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
                siteId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnnouncementsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAnnouncementDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnnouncementsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnnouncementsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            /** @description rate-limited per account and per IP; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BuildingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BuildingsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BuildingsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateBuildingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UnitsController_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UnitsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUnitDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DevicesController_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from the previous page */
                cursor?: string;
                /** @description include decommissioned devices */
                includeDecommissioned?: boolean;
                kind?: "gate" | "speaker";
                limit?: number;
                online?: boolean;
                siteId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DevicesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDeviceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DevicesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeviceCommandsController_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
                status?: "queued" | "sent" | "acked" | "failed" | "expired" | "timeout" | "superseded";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeviceCommandsController_send: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendDeviceCommandDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeviceConfigController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DeviceConfigController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description Speakers: { volumeCap, quietHours: { from, to, volumeCap, tz }, maxSessionMinutes } (PROTOCOL.md); gates: any JSON object. version/ts are assigned. */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DevicesController_rotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DevicesController_decommission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DevicePresenceController_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GatesController_settings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GatesController_updateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GateSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GatesController_open: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RemoteOpenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MaintenancePlansController_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
                siteId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MaintenancePlansController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMaintenancePlanDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MaintenancePlansController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MaintenancePlansController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMaintenancePlanDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ResidentsController_myHousehold: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyQrController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description rate-limited per account and per IP; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ResidentsController_list: {
        parameters: {
            query?: {
                buildingId?: string;
                /** @description opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
                /** @description part of a name, phone number or unit number */
                q?: string;
                /** @description only this site (default: every site you reach) */
                siteId?: string;
                status?: "active" | "moved_out";
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ResidentsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateResidentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ResidentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description unknown, or not yours to see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ResidentsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateResidentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FacesController_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FacesController_enrol: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrolFaceDto"];
            };
        };
        responses: {
            /** @description no explicit consent */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description rate-limited per account and per IP; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FacesController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawFaceDto"];
            };
        };
        responses: {
            /** @description rate-limited per account and per IP; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ResidentsController_addMembership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MembershipInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ResidentsController_removeMembership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ResidentsController_moveOut: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ResidentsController_setPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetPasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SitesController_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SitesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSiteDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SitesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SitesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SitesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSiteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SiteAccessPoliciesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SiteAccessPoliciesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAccessPolicyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SiteAccessPoliciesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                policyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SiteAccessPoliciesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                policyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SiteAccessPoliciesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                policyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAccessPolicyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GatesController_emergencyOpen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SiteModeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SiteAccessPoliciesController_holidays: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SiteAccessPoliciesController_setHolidays: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SiteHolidaysDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GatesController_lockdown: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SiteModeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GatesController_release: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SiteModeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BuildingsController_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                siteId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BuildingsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBuildingDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ResidentsImportController_import: {
        parameters: {
            query?: {
                /** @description check every row and report, import nothing */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                siteId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": string;
                "text/csv": string;
            };
        };
        responses: {
            /** @description file larger than 5242880 bytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakerBansController_list: {
        parameters: {
            query?: {
                residentId?: string;
                siteId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakerBansController_ban: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBanDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakerBansController_lift: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakerSessionsController_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
                residentId?: string;
                siteId?: string;
                speakerId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakerSessionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakerSessionsController_end: {
        parameters: {
            query?: {
                /** @description required for staff */
                reason?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndSessionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakerSessionsController_claim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakerSessionsController_volume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VolumeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakerZonesController_list: {
        parameters: {
            query?: {
                siteId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakerZonesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateZoneDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakerZonesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakerZonesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakerZonesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateZoneDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakerZonesController_lock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VolumeLockDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakersController_list: {
        parameters: {
            query?: {
                siteId?: string;
                zoneId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakersController_request: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakersController_stop: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StopSpeakerDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SpeakersController_assign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignSpeakerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffController_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
                onShift?: boolean;
                position?: "technician" | "manager" | "admin";
                /** @description part of a name, phone or e-mail */
                q?: string;
                siteId?: string;
                skill?: "plumbing" | "electrical" | "elevator" | "cleaning" | "security" | "landscaping" | "general";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStaffDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateStaffDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffController_setShift: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetShiftDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketSettingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketSettingsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTicketSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsController_list: {
        parameters: {
            query?: {
                /** @description a staff id, 'me' (my queue) or 'none' (unassigned) */
                assignee?: string;
                buildingId?: string;
                /** @description comma-separated categories */
                category?: string[];
                /** @description opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
                /** @description comma-separated priorities */
                priority?: string[];
                /** @description text in title or description, or a ticket number (T-000123) */
                q?: string;
                siteId?: string;
                sla?: "ok" | "at_risk" | "breached";
                sort?: "-created" | "created" | "-updated" | "sla_due" | "-priority";
                /** @description comma-separated statuses */
                status?: string[];
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTicketDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsController_reclassify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReclassifyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsController_activity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsController_assign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketAttachmentsController_add: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketAttachmentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attachmentId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsController_comment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsController_merge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsController_rate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsController_transition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransitionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketsController_counts: {
        parameters: {
            query?: {
                /** @description a staff id, 'me' (my queue) or 'none' (unassigned) */
                assignee?: string;
                buildingId?: string;
                /** @description comma-separated categories */
                category?: string[];
                /** @description comma-separated priorities */
                priority?: string[];
                /** @description text in title or description, or a ticket number (T-000123) */
                q?: string;
                siteId?: string;
                sla?: "ok" | "at_risk" | "breached";
                /** @description comma-separated statuses */
                status?: string[];
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketMetricsController_get: {
        parameters: {
            query?: {
                /** @description tickets created from (ISO 8601; default 30 days ago) */
                from?: string;
                groupBy?: "none" | "building" | "category" | "technician" | "period";
                /** @description bucket size when groupBy=period */
                period?: "day" | "week" | "month";
                siteId?: string;
                /** @description tickets created before (ISO 8601; default now) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TicketMetricsController_export: {
        parameters: {
            query?: {
                /** @description tickets created from (ISO 8601; default 30 days ago) */
                from?: string;
                groupBy?: "none" | "building" | "category" | "technician" | "period";
                /** @description bucket size when groupBy=period */
                period?: "day" | "week" | "month";
                siteId?: string;
                /** @description tickets created before (ISO 8601; default now) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UnitsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UnitsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UnitsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUnitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    VisitorPassesController_list: {
        parameters: {
            query?: {
                /** @description opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
                siteId?: string;
                status?: "active" | "upcoming" | "used_up" | "expired" | "revoked";
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    VisitorPassesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVisitorPassDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    VisitorPassesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    VisitorPassesController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example ok */
                        status?: string;
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example error */
                        status?: string;
                    };
                };
            };
        };
    };
}
