/**
 * The unpacked package store on the host ({@code <store>/hab/pkgs/o/n/v/r}) that studios mount.
 *
 * <ul>
 *   <li>{@link kiln.stages.store.PackageStore}: verify-and-install an artifact safely and
 *       atomically; list, resolve dependencies as Habitat does, compute TDEPS.
 *   <li>{@link kiln.stages.store.InstalledPackage}: one installed package and its metadata files.
 *   <li>{@link kiln.stages.store.VersionOrder}: Habitat's version order.
 * </ul>
 *
 * Failures are {@link kiln.stages.store.StoreException}s naming the package and what is installed.
 */
package kiln.stages.store;
