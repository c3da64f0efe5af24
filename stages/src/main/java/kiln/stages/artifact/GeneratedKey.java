package kiln.stages.artifact;

import java.nio.file.Path;

/**
 * The two files a new origin key was written to.
 *
 * @param name the key's name, {@code origin-revision}
 * @param publicFile the {@code .pub} file (mode 0444), to share
 * @param secretFile the {@code .sig.key} file (mode 0400), to keep
 */
public record GeneratedKey(KeyName name, Path publicFile, Path secretFile) {}
