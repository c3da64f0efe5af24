package kiln.orchestrator.progress;

import kiln.resume.HostEvent;

/** What a user reads of a build host's change, in the progress lines. */
public final class HostLines {

  private HostLines() {}

  /** One line about {@code event}, e.g. {@code build host e2 is lost (why); its builds go...}. */
  public static String of(HostEvent event) {
    return switch (event.change()) {
      case LOST ->
          "build host "
              + event.host()
              + " is lost ("
              + event.reason()
              + "); its builds go to the other hosts, and it is asked again with a growing"
              + " back-off";
      case REJOINED -> "build host " + event.host() + " answers again and takes builds";
      case QUARANTINED ->
          "build host "
              + event.host()
              + " is quarantined: "
              + event.reason()
              + "; its plans go to the other hosts. Look at its engine and its last build logs"
              + " before the next run";
    };
  }
}
