// Default decision thresholds, calibrated by bench/face-threshold.bench.ts on the shared face
// generator at DEFAULT_CAPTURE_NOISE (results in bench/results/face-threshold.json). Config may
// override them per deployment; a real face model needs its own calibration.

/**
 * Minimum cosine similarity between a capture and an enrolled template. Unrelated faces score
 * 0 ± 0.044, genuine captures 0.59 ± 0.026: 0.3 is 6.8 sd above impostors (a false accept per
 * impostor probe even against 50,000 enrolled is ~3e-7) and 11 sd below genuine captures, leaving
 * room for noisier cameras. The template is the enrolled true face, not another capture.
 */
export const DEFAULT_MATCH_THRESHOLD = 0.3;

/** Minimum liveness the gate must report before the face is even matched (live 0.97 ± 0.02, spoof 0.35 ± 0.15). */
export const DEFAULT_LIVENESS_THRESHOLD = 0.9;
