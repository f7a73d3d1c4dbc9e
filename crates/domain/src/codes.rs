//! Codes stored in the database (states, kinds) that the code does not know: read back, they are
//! an error that says what was read, never a default that would hide a corrupted or newer record.

/// A stored code that names nothing this version knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode {
    /// What the code should have named ("product state", ...).
    pub what: &'static str,
    pub code: String,
}

impl std::fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown {} {:?}", self.what, self.code)
    }
}

impl std::error::Error for UnknownCode {}
