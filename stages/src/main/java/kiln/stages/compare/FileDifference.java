package kiln.stages.compare;

/**
 * A payload entry that is not the same on both sides.
 *
 * @param path the entry's path below the package folder (e.g. {@code bin/bash})
 * @param what how it differs, in words ("contents differ", "only in stage2", ...)
 */
public record FileDifference(String path, String what) {}
