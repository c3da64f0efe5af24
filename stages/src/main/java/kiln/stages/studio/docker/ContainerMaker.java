package kiln.stages.studio.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kiln.stages.studio.BindMounts;
import kiln.stages.studio.OutputReceiver;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.StudioSpec;
import kiln.stages.studio.StudioSpec.StudioType;

/**
 * Makes the container of one studio run, created and not started, with the spec's inputs in place
 * and a way to hand its output over: the part of {@link DockerStudio} that differs between bind
 * mounts and copies through the engine's API.
 */
final class ContainerMaker {

  private final Engine engine;
  private final StudioOwner owner;
  private final LiveContainers live;
  private final Optional<String> resultsOwner;
  private final DockerStudio.Inputs inputs;

  ContainerMaker(
      Engine engine,
      StudioOwner owner,
      LiveContainers live,
      Optional<String> resultsOwner,
      DockerStudio.Inputs inputs) {
    this.engine = engine;
    this.owner = owner;
    this.live = live;
    this.resultsOwner = resultsOwner;
    this.inputs = inputs;
  }

  /**
   * A created container for one run of {@code spec} from {@code image}, its inputs in place: bind
   * mounts ({@code MOUNT}) or copies through the engine's API ({@code COPY}).
   */
  Prepared make(StudioSpec spec, List<String> command, boolean interactive, String image)
      throws StudioException, InterruptedException {
    Backline backline =
        spec.type() == StudioType.DEFAULT ? Backline.of(spec.backline()) : Backline.NONE;
    Map<String, String> labels = new HashMap<>(owner.labels());
    labels.put(StudioImages.IMAGE, image);
    if (inputs == DockerStudio.Inputs.COPY) {
      return prepareCopies(spec, command, interactive, image, backline, labels);
    }
    Path dir;
    try {
      dir = Files.createTempDirectory(owner.tempPrefix());
    } catch (IOException e) {
      throw new StudioException("cannot make a studio directory: " + e.getMessage(), e);
    }
    BindMounts mounts = BindMounts.of(spec, dir);
    try {
      Optional<Path> binDir = Optional.empty();
      if (spec.type() == StudioType.DEFAULT) {
        binDir = Optional.of(Files.createDirectory(dir.resolve("bin")));
        backline.writeLinks(binDir.get());
      }
      List<Bind> binds = StudioContainer.binds(mounts.binds(), backline.mounts(), binDir);
      CreateContainerCmd create =
          container(
              image,
              spec,
              StudioContainer.command(spec, mounts.binds(), command, resultsOwner),
              binds,
              labels,
              interactive);
      String id = live.create(create);
      return new Prepared(live, id, new Handover(mounts::deliver, mounts::close));
    } catch (IOException e) {
      mounts.close();
      throw new StudioException("cannot make a studio directory: " + e.getMessage(), e);
    } catch (StudioException | RuntimeException e) {
      mounts.close();
      throw e;
    }
  }

  /**
   * A container whose inputs are copied in through the engine's API ({@link
   * DockerStudio.Inputs#COPY}).
   */
  private Prepared prepareCopies(
      StudioSpec spec,
      List<String> command,
      boolean interactive,
      String image,
      Backline backline,
      Map<String, String> labels)
      throws StudioException, InterruptedException {
    CopiedInputs copies = CopiedInputs.of(spec, backline);
    InputCache.on(engine).send(copies.cached(), image, labels);
    CreateContainerCmd create =
        container(
            image,
            spec,
            StudioContainer.command(spec, List.of(), command, Optional.empty()),
            List.of(InputCache.studioBind()),
            labels,
            interactive);
    // Kept after it exits: its output is read from it, then it is removed like any other.
    create.getHostConfig().withAutoRemove(false);
    String id = live.create(create);
    Prepared prepared =
        new Prepared(live, id, new Handover(out -> copies.deliver(engine, id, out), () -> {}));
    try {
      copies.copyInto(engine, id);
      return prepared;
    } catch (StudioException | InterruptedException | RuntimeException e) {
      prepared.close();
      throw e;
    }
  }

  private CreateContainerCmd container(
      String image,
      StudioSpec spec,
      List<String> argv,
      List<Bind> binds,
      Map<String, String> labels,
      boolean interactive) {
    return StudioContainer.configure(
            engine.client().createContainerCmd(image),
            spec,
            argv,
            StudioContainer.environment(spec),
            binds,
            labels)
        .withName("kiln-" + owner.runId() + "-" + UUID.randomUUID().toString().substring(0, 8))
        // A terminal only when there is one: piped input (scripts, tests) must stay plain.
        .withTty(interactive && System.console() != null)
        .withStdinOpen(interactive)
        .withStdInOnce(interactive);
  }

  /** How a prepared studio hands its output over, and what goes with it when it is removed. */
  record Handover(Delivery delivery, Runnable cleanUp) {
    void deliver(OutputReceiver output) throws StudioException, InterruptedException {
      delivery.deliver(output);
    }
  }

  @FunctionalInterface
  private interface Delivery {
    void deliver(OutputReceiver output) throws StudioException, InterruptedException;
  }

  /** A created container and what its inputs left on this host, removed together. */
  record Prepared(LiveContainers live, String id, Handover handover) implements AutoCloseable {
    @Override
    public void close() {
      try {
        live.remove(id);
      } finally {
        handover.cleanUp().run();
      }
    }
  }
}
