//! The collector (`rasid-agent serve`): verifies, dedupes, stores and aggregates pushed batches.
