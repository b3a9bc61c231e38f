namespace KiWhi.Armoire.Firmware
{
    /// <summary>Login, logout, password change, reboot and factory reset.</summary>
    public sealed partial class TechnicianConsole
    {
        // Set by passwd or by the setup before a hash starts, read when it completes.
        private bool _hashingForSetup;
        private string _newPassword;

        private void BeginLogin()
        {
            if (_loggedIn)
            {
                WriteLine(Text(ConsoleTextId.AlreadyLoggedIn));
                return;
            }

            if (!TechnicianPassword.IsWellFormed(_configuration.TechnicianPasswordHash))
            {
                WriteLine(Text(ConsoleTextId.NoPasswordSet));
                return;
            }

            if (ReportLock())
            {
                return;
            }

            _mode = ConsoleMode.LoginPassword;
            Prompt(Text(ConsoleTextId.PasswordPrompt), true);
        }

        // Prints the remaining lock and returns true while login is locked.
        private bool ReportLock()
        {
            long remainingMs = _guard.RemainingLockMs(_nowMs);
            if (remainingMs == 0)
            {
                return false;
            }

            WriteLine(Text(ConsoleTextId.LoginLocked, SecondsCeiling(remainingMs).ToString()));
            return true;
        }

        private void CheckLoginPassword(string password)
        {
            _editor.Echo = true;
            if (ReportLock())
            {
                BackToPrompt();
                return;
            }

            if (!_password.BeginVerify(password, _configuration.TechnicianPasswordHash))
            {
                WriteLine(Text(ConsoleTextId.NoPasswordSet));
                BackToPrompt();
                return;
            }

            WriteLine(Text(ConsoleTextId.PasswordChecking));
            _mode = ConsoleMode.Verifying;
        }

        private void StepPasswordWork()
        {
            if ((_mode != ConsoleMode.Verifying && _mode != ConsoleMode.Hashing) || !_password.Step(PasswordIterationsPerPoll))
            {
                return;
            }

            if (_mode == ConsoleMode.Verifying)
            {
                OnPasswordVerified();
            }
            else if (_hashingForSetup)
            {
                OnSetupPasswordHashed(_password.Record);
            }
            else
            {
                OnNewPasswordHashed(_password.Record);
            }
        }

        private void OnPasswordVerified()
        {
            if (_password.Matches)
            {
                LogGuardProblem(_guard.RecordSuccess());
                _loggedIn = true;
                _lastInputMs = _nowMs;
                _log.Info(Component, "technician session opened");
                WriteLine(Text(ConsoleTextId.LoginOpened, _configuration.ConsoleInactivityTimeoutSeconds.ToString()));
                BackToPrompt();
                return;
            }

            string saveProblem;
            int lockSeconds = _guard.RecordFailure(_nowMs, out saveProblem);
            LogGuardProblem(saveProblem);
            _log.Warning(Component, "console login failed, " + _guard.ConsecutiveFailures.ToString() + " in a row"
                + (lockSeconds > 0 ? ", login locked for " + lockSeconds.ToString() + " s" : ""));
            WriteLine(Text(ConsoleTextId.LoginFailed));
            if (lockSeconds > 0)
            {
                WriteLine(Text(ConsoleTextId.LoginLockedNow, _guard.ConsecutiveFailures.ToString(), lockSeconds.ToString()));
            }

            BackToPrompt();
        }

        private void LogOut()
        {
            if (!_loggedIn)
            {
                WriteLine(Text(ConsoleTextId.NotLoggedIn));
                return;
            }

            _loggedIn = false;
            _log.Info(Component, "technician session closed");
            WriteLine(Text(ConsoleTextId.LoggedOut));
        }

        private void BeginPasswordChange()
        {
            _mode = ConsoleMode.NewPassword;
            Prompt(Text(ConsoleTextId.NewPasswordPrompt), true);
        }

        private void OnNewPassword(string password)
        {
            SettingCheck check = SettingValidator.Check(TechnicianPassword.Rule, password);
            if (!check.IsValid)
            {
                WriteLine(Describe(check));
                BackToPrompt();
                return;
            }

            _newPassword = password;
            _mode = ConsoleMode.ConfirmPassword;
            Prompt(Text(ConsoleTextId.ConfirmPasswordPrompt), true);
        }

        private void OnConfirmPassword(string password)
        {
            _editor.Echo = true;
            if (password != _newPassword)
            {
                _newPassword = null;
                WriteLine(Text(ConsoleTextId.PasswordMismatch));
                BackToPrompt();
                return;
            }

            BeginHash(_newPassword, false);
            _newPassword = null;
        }

        private void BeginHash(string password, bool forSetup)
        {
            _hashingForSetup = forSetup;
            WriteLine(Text(ConsoleTextId.PasswordHashing));
            _password.BeginHash(password, _hardware.Random, TechnicianPassword.DefaultIterations);
            _mode = ConsoleMode.Hashing;
        }

        private void OnNewPasswordHashed(string record)
        {
            CabinetConfiguration saved = _saved.Values;
            string previous = saved.TechnicianPasswordHash;
            saved.TechnicianPasswordHash = record;
            string failure = SaveConfiguration();
            if (failure != null)
            {
                saved.TechnicianPasswordHash = previous;
                WriteLine(Text(ConsoleTextId.ConfigSaveFailed, TechnicianPassword.Rule.Key, failure));
                BackToPrompt();
                return;
            }

            _configuration.TechnicianPasswordHash = record;
            _log.Info(Component, "technician password changed");
            WriteLine(Text(ConsoleTextId.PasswordChanged));
            BackToPrompt();
        }

        private void BeginReboot()
        {
            int sessions = CountSessions();
            if (sessions == 0)
            {
                Reboot("technician console");
                return;
            }

            _mode = ConsoleMode.ConfirmReboot;
            Prompt(Text(ConsoleTextId.RebootConfirm, sessions.ToString()), false);
        }

        private void OnRebootConfirmation(string answer)
        {
            if (SettingText.ToLowerAscii(SettingText.TrimSpaces(answer)) != Text(ConsoleTextId.YesWord))
            {
                WriteLine(Text(ConsoleTextId.Cancelled));
                BackToPrompt();
                return;
            }

            Reboot("technician console, sessions stopped");
        }

        private void Reboot(string reason)
        {
            WriteLine(Text(ConsoleTextId.Rebooting));
            _mode = ConsoleMode.Rebooting;
            _loggedIn = false;
            _cabinet.RequestReboot(reason);
        }

        private void BeginFactoryReset()
        {
            WriteLine(Text(ConsoleTextId.FactoryResetWarning));
            int pending = _cabinet.ChargePoint.Transactions.Count;
            if (pending > 0)
            {
                WriteLine(Text(ConsoleTextId.FactoryResetQueue, pending.ToString()));
            }

            _mode = ConsoleMode.ConfirmFactoryReset;
            Prompt(Text(ConsoleTextId.FactoryResetConfirm, _configuration.ChargePointIdentity), false);
        }

        private void OnFactoryResetConfirmation(string answer)
        {
            if (SettingText.TrimSpaces(answer) != _configuration.ChargePointIdentity)
            {
                WriteLine(Text(ConsoleTextId.FactoryResetCancelled, _configuration.ChargePointIdentity));
                BackToPrompt();
                return;
            }

            try
            {
                _store.Erase();
            }
            catch (System.Exception exception)
            {
                // The storage of each platform throws its own types. Whatever failed, nothing is claimed erased.
                _log.Error(Component, "factory reset failed: " + exception.Message);
                WriteLine(Text(ConsoleTextId.FactoryResetFailed, SettingText.Printable(exception.Message)));
                BackToPrompt();
                return;
            }

            // The running copy clears its secrets too, although the reboot that follows clears RAM anyway.
            _saved.ResetToDefaults();
            ConfigurationRegistry.ClearSecrets(_configuration);
            _log.Warning(Component, "factory reset: configuration and secrets erased");
            WriteLine(Text(ConsoleTextId.FactoryResetDone));
            Reboot("factory reset");
        }

        // Saves the flash copy and returns null, or the failure to report (the caller restores its values).
        private void LogGuardProblem(string problem)
        {
            if (problem != null)
            {
                _log.Error(Component, problem + "; the failed-login count is kept in RAM until the next reboot");
            }
        }

        private string SaveConfiguration()
        {
            string failure = _saved.Save();
            if (failure == null)
            {
                return null;
            }

            _log.Error(Component, "configuration not saved: " + failure);
            return SettingText.Printable(failure);
        }

        private int CountSessions()
        {
            int sessions = 0;
            for (int connectorId = 1; connectorId <= _cabinet.BayCount; connectorId++)
            {
                if (_cabinet.GetBay(connectorId).HasSession)
                {
                    sessions++;
                }
            }

            return sessions;
        }
    }
}
