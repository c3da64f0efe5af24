import com.sun.jdi.Bootstrap;
import com.sun.jdi.ClassType;
import com.sun.jdi.Field;
import com.sun.jdi.Method;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.MethodEntryEvent;
import com.sun.jdi.event.MethodExitEvent;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.MethodEntryRequest;
import com.sun.jdi.request.MethodExitRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Follows one build request through kiln: attaches to a kiln started with a JDWP agent, and for
 * each stage3 entry the scheduler hands to a worker ({@code Scheduler.buildOne}) records the class
 * of every kiln method entered on that thread until {@code buildOne} returns. Prints, per entry, the
 * classes in the order they were entered (consecutive entries into one class merged) and two
 * counts: the distinct classes entered, and the times a class already left was entered again.
 * Values (records, enums, exceptions, and the request itself: {@code BuildRequest}, its builder
 * and its {@code StudioBase}), lambdas and the studio internals ({@code kiln.stages.studio}) are
 * not counted: the question is how often the request's work bounces between the classes doing it.
 *
 * <p>Run: {@code java bench/BuildSeamTrace.java PORT [ENTRIES]} while kiln runs with {@code
 * -agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=PORT}; it lets kiln go on
 * untraced after ENTRIES stage3 entries (a traced thread runs interpreted, so xz is slow there).
 */
public class BuildSeamTrace {

  public static void main(String[] args) throws Exception {
    AttachingConnector socket =
        Bootstrap.virtualMachineManager().attachingConnectors().stream()
            .filter(c -> c.transport().name().equals("dt_socket"))
            .findFirst()
            .orElseThrow();
    Map<String, Connector.Argument> arguments = socket.defaultArguments();
    arguments.get("port").setValue(args[0]);
    VirtualMachine vm = socket.attach(arguments);
    ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
    prepare.addClassFilter("kiln.orchestrator.Scheduler");
    prepare.enable();
    Map<ThreadReference, List<String>> tracing = new HashMap<>();
    Map<ThreadReference, String> entries = new HashMap<>();
    Map<ThreadReference, List<EventRequest>> requests = new HashMap<>();
    int wanted = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
    int reported = 0;
    vm.resume();
    while (true) {
      EventSet events = vm.eventQueue().remove();
      for (Event event : events) {
        if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
          return;
        }
        if (event instanceof ClassPrepareEvent prepared) {
          Method buildOne =
              prepared.referenceType().methodsByName("buildOne").stream().findFirst().orElseThrow();
          BreakpointRequest at =
              vm.eventRequestManager().createBreakpointRequest(buildOne.location());
          at.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
          at.enable();
        } else if (event instanceof BreakpointEvent hit) {
          ThreadReference thread = hit.thread();
          ObjectReference scheduler = thread.frame(0).thisObject();
          String stage = enumName(get(scheduler, "stage"));
          if (stage.equals("STAGE3")) {
            ObjectReference entry = (ObjectReference) thread.frame(0).getArgumentValues().get(0);
            ObjectReference ident = (ObjectReference) get((ObjectReference) get(entry, "key"), "ident");
            entries.put(thread, string(get(ident, "origin")) + "/" + string(get(ident, "name")));
            tracing.put(thread, new ArrayList<>());
            MethodEntryRequest in = vm.eventRequestManager().createMethodEntryRequest();
            in.addThreadFilter(thread);
            in.addClassFilter("kiln.*");
            in.setSuspendPolicy(EventRequest.SUSPEND_NONE);
            in.enable();
            MethodExitRequest out = vm.eventRequestManager().createMethodExitRequest();
            out.addThreadFilter(thread);
            out.addClassFilter("kiln.orchestrator.Scheduler");
            out.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
            out.enable();
            requests.put(thread, List.of(in, out));
          }
        } else if (event instanceof MethodEntryEvent entered) {
          List<String> seen = tracing.get(entered.thread());
          if (seen != null && counted(entered.method().declaringType())) {
            String name = entered.method().declaringType().name();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(name)) {
              seen.add(name);
            }
          }
        } else if (event instanceof MethodExitEvent exited
            && exited.method().name().equals("buildOne")) {
          ThreadReference thread = exited.thread();
          requests.remove(thread).forEach(r -> vm.eventRequestManager().deleteEventRequest(r));
          report(entries.remove(thread), tracing.remove(thread));
          if (++reported == wanted) {
            vm.dispose(); // the rest of the run goes on untraced
            return;
          }
        }
      }
      events.resume();
    }
  }

  private static boolean counted(ReferenceType type) {
    String name = type.name();
    if (name.contains("$$Lambda")
        || name.startsWith("kiln.stages.studio.")
        || name.startsWith("kiln.stages.build.BuildRequest")
        || name.startsWith("kiln.stages.build.StudioBase")) {
      return false;
    }
    if (type instanceof ClassType c && c.superclass() != null) {
      String parent = c.superclass().name();
      return !parent.equals("java.lang.Record")
          && !parent.equals("java.lang.Enum")
          && !parent.endsWith("Exception");
    }
    return true;
  }

  /**
   * Prints the classes entered and the counts twice: for every kiln class, and for the build seam
   * alone (the classes of {@code kiln.stages.build} and {@code kiln.orchestrator}: the request's
   * own package and the pipeline's side, leaving out the artifact, store and key code they call).
   */
  private static void report(String entry, List<String> visits) {
    print(entry + " (all kiln classes)", visits);
    List<String> seam = new ArrayList<>();
    for (String name : visits) {
      boolean inSeam =
          name.startsWith("kiln.stages.build.") || name.startsWith("kiln.orchestrator.");
      if (inSeam && (seam.isEmpty() || !seam.get(seam.size() - 1).equals(name))) {
        seam.add(name);
      }
    }
    print(entry + " (build seam)", seam);
  }

  private static void print(String entry, List<String> visits) {
    List<String> simple = visits.stream().map(BuildSeamTrace::simpleName).toList();
    LinkedHashSet<String> classes = new LinkedHashSet<>(simple);
    System.out.println(entry + ": " + String.join(" > ", simple));
    System.out.println(
        entry
            + ": "
            + classes.size()
            + " classes entered, "
            + (simple.size() - classes.size())
            + " returns to a class already left");
    Map<String, Integer> again = new HashMap<>();
    for (String c : simple) {
      again.merge(c, 1, Integer::sum);
    }
    again.entrySet().removeIf(e -> e.getValue() < 2);
    System.out.println(entry + ": entered more than once: " + again);
  }

  private static Value get(ObjectReference object, String field) {
    Field f = object.referenceType().fieldByName(field);
    return object.getValue(f);
  }

  private static String enumName(Value value) {
    return string(get((ObjectReference) value, "name"));
  }

  private static String string(Value value) {
    return value == null ? "" : ((StringReference) value).value();
  }

  private static String simpleName(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
