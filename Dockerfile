# One image for the api, the worker and the device simulator (they differ only by command):
#   api     node dist/apps/api/src/main.js      (default)
#   worker  node dist/apps/worker/src/main.js
#   sim     node dist/devices-sim/src/cli.js --help   (compose starts it through deploy/sim-start.js)
# Build: docker build -t smart-community .   (docker-compose.yml builds and runs all three)

# --- build: full install, compile TypeScript to dist/, build the console -----------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts stay off, as npm 11 does on our machines: native packages (argon2) ship prebuilt
# binaries and load without them.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
# The web console is static files the api serves from dist/apps/console/dist.
RUN npm run build \
 && node deploy/link-path-aliases.js dist tsconfig.json \
 && npm run console:build \
 && mkdir -p dist/apps/console \
 && cp -r apps/console/dist dist/apps/console/dist

# --- deps: production dependencies only -------------------------------------------------------
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# --- runtime ----------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY deploy/sim-start.js ./deploy/
# Writable state (uploads, the simulator's credential cache) lives in .data, a volume in compose.
RUN mkdir -p .data && chown node:node .data
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
