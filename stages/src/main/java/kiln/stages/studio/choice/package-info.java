/**
 * Choosing a studio kind: {@link kiln.stages.studio.choice.StudioChoice} turns {@code --studio
 * docker|chroot|auto} into a {@link kiln.stages.studio.Studio}. Apart from both studios' packages
 * so neither depends on the other.
 */
package kiln.stages.studio.choice;
