/**
 * Studios: a fresh, clean root per build, with only what that build may see. {@link
 * kiln.stages.studio.Studio} is the one interface; the chroot (bubblewrap) and Docker studios
 * implement it. A run is given named {@link kiln.stages.studio.StudioInput}s and gives back its log
 * as a stream and its output tree as a tar stream ({@link kiln.stages.studio.OutputReceiver}), so a
 * caller never depends on where the studio keeps them; {@link kiln.stages.studio.StudioInventory}
 * lists and removes what studios leave behind, whatever their kind.
 */
package kiln.stages.studio;
