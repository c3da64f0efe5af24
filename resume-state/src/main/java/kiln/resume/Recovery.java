package kiln.resume;

import java.util.List;

/**
 * What reading a ledger found wrong and what it kept.
 *
 * @param records how many records were read intact
 * @param tornTail the line number of a torn last record (a write cut short by a kill), 0 if none;
 *     it is dropped, which loses at most the transition it was recording
 * @param damagedLines line numbers of bad records followed by good ones: damage a kill cannot cause
 *     (a disk error, an edit); they are skipped and reported, never silently
 */
public record Recovery(int records, int tornTail, List<Integer> damagedLines) {

  public Recovery {
    damagedLines = List.copyOf(damagedLines);
  }

  /** True when the ledger read back whole. */
  public boolean clean() {
    return tornTail == 0 && damagedLines.isEmpty();
  }

  /** True when records in the middle were lost. */
  public boolean damaged() {
    return !damagedLines.isEmpty();
  }

  /** One line for the user; empty when clean. */
  public String describe(Object ledger) {
    StringBuilder text = new StringBuilder();
    if (tornTail > 0) {
      text.append("dropped the torn last record of ")
          .append(ledger)
          .append(" (line ")
          .append(tornTail)
          .append("): kiln was stopped while writing it; the build it recorded will be redone");
    }
    if (damaged()) {
      if (text.length() > 0) {
        text.append("; ");
      }
      text.append("ledger ")
          .append(ledger)
          .append(" is damaged: ")
          .append(damagedLines.size())
          .append(" bad record(s) at line(s) ")
          .append(damagedLines)
          .append(", recovered ")
          .append(records)
          .append(" good record(s); entries whose records were lost are rebuilt");
    }
    return text.toString();
  }
}
