/**
 * kiln.yaml's {@code hooks:}: a site's own shell commands before and after each stage and each
 * build, run on the host with {@code bash -c} in kiln.yaml's folder, with {@code KILN_*} variables
 * telling them what they run for (docs/hooks.md).
 *
 * <p>The pipeline's one door is {@link kiln.orchestrator.hooks.StageHooks}: {@code beforeStage},
 * {@code aroundBuilds} (the stage's builder with the build hooks around each build) and {@code
 * afterStage}. Processes are started only through {@link kiln.orchestrator.hooks.HookShell}.
 */
package kiln.orchestrator.hooks;
