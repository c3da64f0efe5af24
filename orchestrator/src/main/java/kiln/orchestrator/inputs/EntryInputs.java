package kiln.orchestrator.inputs;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import kiln.resume.Artifact;
import kiln.resume.BuildInputs;
import kiln.resume.EntryKey;
import kiln.resume.StageEntry;

/** What an entry of a stage is built from, computed before it is built. */
public interface EntryInputs {

  /**
   * The inputs of {@code entry}.
   *
   * @param deps the current artifact of each of the entry's dependencies in its stage
   * @return empty when this stage does not record inputs (stage0, test builders)
   * @throws IOException when a file of the plan cannot be read
   */
  Optional<BuildInputs> of(StageEntry entry, Map<EntryKey, Artifact> deps) throws IOException;

  /** Records no inputs: every built entry is kept as it is, as before kiln recorded them. */
  EntryInputs NONE = (entry, deps) -> Optional.empty();
}
