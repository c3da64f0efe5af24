package kiln.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BothProgressTest {

  /** A listener that writes down the name of every method called on it. */
  static Progress recording(String who, List<String> calls) {
    return (Progress)
        Proxy.newProxyInstance(
            Progress.class.getClassLoader(),
            new Class<?>[] {Progress.class},
            (proxy, method, args) -> {
              calls.add(who + "." + method.getName());
              return null;
            });
  }

  @Test
  void everyEventReachesBothListenersInOrder() throws Exception {
    List<Method> events =
        Arrays.stream(Progress.class.getMethods())
            .filter(m -> !Modifier.isStatic(m.getModifiers()))
            .filter(m -> m.getReturnType() == void.class)
            .toList();
    assertEquals(12, events.size(), "a Progress event added: check BothProgress passes it on");
    for (Method event : events) {
      List<String> calls = new ArrayList<>();
      Progress both = new BothProgress(recording("first", calls), recording("second", calls));
      Object[] args =
          Arrays.stream(event.getParameterTypes()).map(t -> t == int.class ? 0 : null).toArray();
      event.invoke(both, args);
      assertEquals(
          List.of("first." + event.getName(), "second." + event.getName()), calls, event + "");
    }
  }
}
