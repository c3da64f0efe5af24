package kiln.stages.studio;

import java.io.IOException;
import java.io.InputStream;

/**
 * Takes a studio's output tree ({@link StudioSpec#output()}) as an uncompressed tar stream, entry
 * names relative to the output directory. The stream is the only way the tree comes back: a studio
 * on another machine sends it over its engine's API, a local one packs its directory, and the
 * caller never learns where that directory was.
 */
@FunctionalInterface
public interface OutputReceiver {

  /** For runs whose output is not wanted. */
  OutputReceiver DISCARD = tar -> tar.transferTo(java.io.OutputStream.nullOutputStream());

  /**
   * Reads the tar stream (to its end or not: the studio closes it afterwards). Called once, after
   * the command exited with 0, and never when the spec names no output.
   */
  void receive(InputStream tar) throws IOException;
}
