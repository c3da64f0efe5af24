package kiln.stages.studio.docker;

/**
 * A kiln stand-in run in its own JVM: creates a container on the engine at {@code args[0]}, prints
 * "ready" and exits, leaving the removal to the shutdown hook.
 */
public final class ExitWithLostEngineChild {
  public static void main(String[] args) throws Exception {
    Engine engine = Engine.connect(new DockerEndpoint(args[0]));
    LiveContainers.on(engine).create(engine.client().createContainerCmd("kiln-studio-base:any"));
    System.out.println("ready");
    System.out.flush();
  }
}
