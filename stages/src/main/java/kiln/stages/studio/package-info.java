/**
 * Studios: a fresh, clean root per build, with only what that build may see. {@link
 * kiln.stages.studio.Studio} is the one interface; the chroot (bubblewrap) and Docker studios
 * implement it.
 */
package kiln.stages.studio;
