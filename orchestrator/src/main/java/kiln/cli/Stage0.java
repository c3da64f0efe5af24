package kiln.cli;

import kiln.toolchain.BuildTime;
import kiln.toolchain.ToolsTarball;

/** What the stage0 commands share. */
final class Stage0 {

  private Stage0() {}

  /** A tarball writer using every core. */
  static ToolsTarball tarball(BuildTime time) {
    return new ToolsTarball(time, Runtime.getRuntime().availableProcessors());
  }
}
