/**
 * What a change to a plans repository affects ({@code kiln affected}): the plans whose inputs the
 * changed files touch (files in a plan's folder, files it sources, files it names by their path
 * from its folder, such as a shared patch) and every plan that depends on them.
 *
 * <p>The changed files come through {@link kiln.world.affected.ChangeSource}: files named by the
 * user, or {@link kiln.world.affected.GitChanges}, the one place a git process runs. {@link
 * kiln.world.affected.Affected#find} is the entry point.
 */
package kiln.world.affected;
