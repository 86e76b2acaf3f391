//! Keeping keys out of places they could be read from outside Hearth's own memory.
//!
//! On Linux the process is made non-dumpable: no core file holds its memory after a crash, and
//! other processes of the same user cannot attach to it or read `/proc/<pid>/mem`. SQLCipher's own
//! part (wiping and locking the memory it allocates) is `cipher_memory_security`, set on every
//! connection in [`crate::vault::db`].

/// Makes this process non-dumpable where the system allows it. Returns whether it now is.
pub fn keep_out_of_core_dumps() -> bool {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: prctl with PR_SET_DUMPABLE takes plain integers and touches no memory of ours.
        unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 }
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

/// Whether this process may be dumped or traced by its user (Linux), for the test of the above.
pub fn is_dumpable() -> Option<bool> {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: as above; PR_GET_DUMPABLE only reads a flag.
        let flag = unsafe { libc::prctl(libc::PR_GET_DUMPABLE, 0, 0, 0, 0) };
        Some(flag != 0)
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}
