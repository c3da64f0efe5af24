package kiln.stages.compare;

/**
 * One entry of an artifact's payload, as compared: its kind, mode and what it holds (a file's
 * sha256 after the release map, a link's target).
 *
 * @param kind file, directory or link
 * @param mode the permission bits
 * @param content a file's sha256 in hex, a link's target, nothing for a directory
 */
record PayloadEntry(Kind kind, int mode, String content) {

  /** What an entry is. */
  enum Kind {
    FILE,
    DIRECTORY,
    LINK
  }
}
