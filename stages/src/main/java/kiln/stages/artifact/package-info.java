/**
 * Habitat-compatible origin keys and signed artifacts (docs/artifacts.md).
 *
 * <ul>
 *   <li>{@link kiln.stages.artifact.OriginKeys}: a key directory; generate a key pair, find an
 *       origin's latest signing key, load a public key by name.
 *   <li>{@link kiln.stages.artifact.FilesMetadata}: writes a package's signed FILES.
 *   <li>{@link kiln.stages.artifact.HartWriter}: packs a package prefix into a signed, reproducible
 *       {@code .hart}, atomically.
 *   <li>{@link kiln.stages.artifact.Hart}: opens a HART-1 document (artifact or FILES), verifies
 *       it, reads an artifact's metadata ({@link kiln.stages.artifact.HartInfo}).
 * </ul>
 *
 * Failures are {@link kiln.stages.artifact.ArtifactException}s naming the file and what to do.
 */
package kiln.stages.artifact;
