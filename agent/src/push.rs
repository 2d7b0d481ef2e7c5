//! Pushing the outbox to the collector and pulling assignments.
