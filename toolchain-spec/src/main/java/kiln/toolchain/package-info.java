/**
 * Stage 0: the tools-tarball spec (YAML) and the tarball itself: building, freshening, listing,
 * verifying, and extracting it safely.
 *
 * <p>Public API: {@link kiln.toolchain.ToolchainSpec#read} reads a spec (every problem at once,
 * {@link kiln.toolchain.SpecException}); {@link kiln.toolchain.ToolsTarball} builds, freshens,
 * lists, verifies and extracts tarballs; {@link kiln.toolchain.SafeExtractor} unpacks any tar whose
 * entries live under one {@link kiln.toolchain.ArchiveRoot} (the tools tarball under {@code
 * tools/}, a .hart payload under {@code hab/pkgs/}) without ever writing outside its target.
 */
package kiln.toolchain;
