// Signed out: the login. Staff, managers and admins: the console. Residents: the companion.
import { useAuth, isStaff } from './auth/auth-context';
import { LoginPage } from './auth/login.page';
import { RealtimeProvider } from './realtime/realtime-context';
import { ResidentApp } from './resident/resident-app';
import { StaffApp } from './staff/staff-app';

export function App() {
  const { user } = useAuth();
  if (!user) return <LoginPage />;
  return <RealtimeProvider key={user.id}>{isStaff(user) ? <StaffApp /> : <ResidentApp />}</RealtimeProvider>;
}
