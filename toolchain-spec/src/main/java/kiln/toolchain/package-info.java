/**
 * Stage 0: the tools-tarball spec (YAML) and the tarball itself: building, freshening, listing,
 * verifying, and extracting it safely.
 */
package kiln.toolchain;
