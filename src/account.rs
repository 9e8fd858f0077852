//! The account name of the current user from the password database, as Python's
//! `getpass.getuser()` falls back to (`pwd.getpwuid(os.getuid())`) when `LOGNAME`, `USER`, `LNAME`
//! and `USERNAME` are all unset, as in many CI containers. The environment itself is read by the
//! CLI; this module only asks the system.

/// The login name of the real user id, or `None` when the system has no entry for it.
#[cfg(unix)]
pub fn login_name() -> Option<String> {
    use std::ffi::CStr;
    // SAFETY: getpwuid_r writes into our buffers only; the returned pointer, when non-null, is
    // `pwd`, whose string fields point into `buf`, alive until the end of this scope.
    unsafe {
        let uid = libc::getuid();
        let mut pwd: libc::passwd = std::mem::zeroed();
        let mut buf = vec![0 as libc::c_char; 4096];
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        loop {
            let rc = libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result);
            if rc == libc::ERANGE && buf.len() < 1 << 20 {
                buf.resize(buf.len() * 2, 0);
                continue;
            }
            if rc != 0 || result.is_null() || pwd.pw_name.is_null() {
                return None;
            }
            let name = CStr::from_ptr(pwd.pw_name).to_string_lossy().into_owned();
            return (!name.is_empty()).then_some(name);
        }
    }
}

#[cfg(not(unix))]
pub fn login_name() -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn matches_what_id_says() {
        // `id -un` reads the same database; where it knows no name, neither do we.
        let id = std::process::Command::new("id")
            .arg("-un")
            .output()
            .unwrap();
        let expected = id
            .status
            .success()
            .then(|| String::from_utf8_lossy(&id.stdout).trim().to_string());
        assert_eq!(super::login_name(), expected);
    }
}
