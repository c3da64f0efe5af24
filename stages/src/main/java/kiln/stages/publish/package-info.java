/**
 * A published package repository (docs/publish.md): the releases a stage's artifacts make, the
 * signed index, the read-only HTTP server and the client that installs from it.
 *
 * <ul>
 *   <li>{@link kiln.stages.publish.Publisher}: a new release from a {@link
 *       kiln.stages.publish.PublishRequest}, swapped in atomically; only a consistent set of
 *       packages, what was left out reported.
 *   <li>{@link kiln.stages.publish.SignedIndex} and {@link kiln.stages.publish.RepositoryIndex}:
 *       the release's {@code INDEX}, a HART-1 document signed with the origin key.
 *   <li>{@link kiln.stages.publish.RepositoryServer}: serves a repository read-only, with byte
 *       ranges and depot-style lookups.
 *   <li>{@link kiln.stages.publish.RepositoryClient}: installs a package and its dependencies from
 *       a repository URL, checking the index's signature and every artifact's size and hashes.
 * </ul>
 *
 * Failures are {@link kiln.stages.publish.RepositoryException}s naming the repository or URL.
 */
package kiln.stages.publish;
