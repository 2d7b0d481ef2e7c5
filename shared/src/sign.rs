//! Signing of batches and requests with ed25519 (ed25519-dalek), and key files.
//!
//! A key file holds the base64 of the 32-byte secret; a public key is the base64 of 32 bytes.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

/// Why a key or signature could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    /// A public key is not the base64 of a valid 32-byte ed25519 key; carries the reason.
    #[error("the public key is not valid: {0}; copy it again from `rasid-agent init` output")]
    BadPublicKey(String),
    #[error(
        "the secret key file is not valid: {0}; restore it from backup or run `rasid-agent init` again"
    )]
    /// A secret key file is not the base64 of 32 bytes; carries the reason.
    BadSecretKey(String),
    /// A signature is not the base64 of 64 bytes; carries the reason.
    #[error("the signature is not valid base64 ed25519: {0}")]
    MalformedSignature(String),
    /// The signature is well formed but does not verify for these bytes with this key.
    #[error("the signature does not match the content and the registered key")]
    Mismatch,
    /// The operating system could not give random bytes for a new key.
    #[error("the system's random generator failed: {0}")]
    Random(String),
}

/// An agent's or collector's signing key.
#[derive(Clone)]
pub struct KeyPair(SigningKey);

impl std::fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "KeyPair(public {})", self.public_base64())
    }
}

impl KeyPair {
    /// A new key from the operating system's random generator.
    pub fn generate() -> Result<KeyPair, SignError> {
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret).map_err(|e| SignError::Random(e.to_string()))?;
        Ok(KeyPair(SigningKey::from_bytes(&secret)))
    }

    /// A key derived from a seed, for tests and the demo only.
    pub fn from_seed(seed: [u8; 32]) -> KeyPair {
        KeyPair(SigningKey::from_bytes(&seed))
    }

    /// Reads a key file's text: the base64 of the 32-byte secret, spaces and newlines around it
    /// ignored; [`SignError::BadSecretKey`] otherwise.
    pub fn from_secret_base64(text: &str) -> Result<KeyPair, SignError> {
        let bytes = B64
            .decode(text.trim())
            .map_err(|e| SignError::BadSecretKey(e.to_string()))?;
        let secret: [u8; 32] = bytes
            .try_into()
            .map_err(|_| SignError::BadSecretKey("it is not 32 bytes long".into()))?;
        Ok(KeyPair(SigningKey::from_bytes(&secret)))
    }

    /// The secret as a key file holds it (standard base64 of 32 bytes). Keep it private.
    pub fn secret_base64(&self) -> String {
        B64.encode(self.0.to_bytes())
    }

    /// The public key as `centers.toml` registers it (standard base64 of 32 bytes).
    pub fn public_base64(&self) -> String {
        B64.encode(self.0.verifying_key().to_bytes())
    }

    /// A short stable name of the public key: the first 8 bytes in hex.
    pub fn key_id(&self) -> String {
        key_id_of(&self.0.verifying_key())
    }

    /// The base64 signature of `bytes`.
    pub fn sign(&self, bytes: &[u8]) -> String {
        B64.encode(self.0.sign(bytes).to_bytes())
    }
}

fn key_id_of(key: &VerifyingKey) -> String {
    key.to_bytes()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A registered public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey(VerifyingKey);

impl PublicKey {
    /// Reads a registered public key: the base64 of 32 bytes, spaces around it ignored;
    /// [`SignError::BadPublicKey`] when it is not a valid ed25519 key.
    pub fn from_base64(text: &str) -> Result<PublicKey, SignError> {
        let bytes = B64
            .decode(text.trim())
            .map_err(|e| SignError::BadPublicKey(e.to_string()))?;
        let arr: [u8; 32] = bytes
            .try_into()
            .map_err(|_| SignError::BadPublicKey("it is not 32 bytes long".into()))?;
        VerifyingKey::from_bytes(&arr)
            .map(PublicKey)
            .map_err(|e| SignError::BadPublicKey(e.to_string()))
    }

    /// The key's id: the hex of its first 8 bytes (16 characters), as a batch's `agent` carries it.
    pub fn key_id(&self) -> String {
        key_id_of(&self.0)
    }

    /// Checks a base64 signature over `bytes` (strict: no malleable signatures).
    pub fn verify(&self, bytes: &[u8], signature_base64: &str) -> Result<(), SignError> {
        let raw = B64
            .decode(signature_base64.trim())
            .map_err(|e| SignError::MalformedSignature(e.to_string()))?;
        let arr: [u8; 64] = raw
            .try_into()
            .map_err(|_| SignError::MalformedSignature("it is not 64 bytes long".into()))?;
        let sig = Signature::from_bytes(&arr);
        self.0
            .verify_strict(bytes, &sig)
            .map_err(|_| SignError::Mismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_verifies_only_for_the_same_bytes_and_key() {
        let k = KeyPair::from_seed([7; 32]);
        let other = KeyPair::from_seed([8; 32]);
        let sig = k.sign(b"batch");
        let pk = PublicKey::from_base64(&k.public_base64()).unwrap();
        assert_eq!(pk.verify(b"batch", &sig), Ok(()));
        assert_eq!(pk.verify(b"batcH", &sig), Err(SignError::Mismatch));
        let opk = PublicKey::from_base64(&other.public_base64()).unwrap();
        assert_eq!(opk.verify(b"batch", &sig), Err(SignError::Mismatch));
        assert!(matches!(
            pk.verify(b"batch", "not base64!"),
            Err(SignError::MalformedSignature(_))
        ));
    }

    #[test]
    fn secret_round_trips_and_bad_keys_are_errors() {
        let k = KeyPair::generate().unwrap();
        let again = KeyPair::from_secret_base64(&k.secret_base64()).unwrap();
        assert_eq!(k.public_base64(), again.public_base64());
        assert_eq!(k.key_id().len(), 16);
        assert!(KeyPair::from_secret_base64("AAAA").is_err());
        assert!(PublicKey::from_base64("%%%").is_err());
    }
}
