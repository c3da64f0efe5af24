package kiln.orchestrator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kiln.orchestrator.farm.HostEndpoint;
import kiln.orchestrator.farm.HostSpec;
import kiln.stages.studio.docker.EngineTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kiln.yaml's {@code hosts}: the build hosts, checked like every other key. */
class HostsConfigTest {

  static final String BASE =
      "origin: demo\nplans: plans\nbase-plans: base-plans.txt\ntoolchain: tools.yaml\n";

  @TempDir Path dir;

  Path config(String hosts) throws Exception {
    Files.createDirectories(dir.resolve("plans"));
    Files.writeString(dir.resolve("base-plans.txt"), "plans/gcc\n");
    Files.writeString(dir.resolve("tools.yaml"), "prefix: tools\n");
    return Files.writeString(dir.resolve("kiln.yaml"), BASE + hosts);
  }

  @Test
  void noHostsKeyMeansTheOneLocalStudio() throws Exception {
    assertEquals(List.of(), ConfigLoader.load(config("")).hosts());
  }

  @Test
  void readsEachKindOfEndpointWithItsJobsAndSpeed() throws Exception {
    Files.createDirectories(dir.resolve("certs"));
    for (String pem : List.of("ca.pem", "cert.pem", "key.pem")) {
      Files.writeString(dir.resolve("certs").resolve(pem), "pem");
    }
    List<HostSpec> hosts =
        ConfigLoader.load(
                config(
                    """
                    hosts:
                      - endpoint: unix:///run/kiln-engines/e1/docker.sock
                        name: e1
                        jobs: 2
                      - endpoint: tcp://builder2:2376
                        tls: {ca: certs/ca.pem, cert: certs/cert.pem, key: certs/key.pem}
                        jobs: 8
                        speed: 2.5
                      - endpoint: ssh://kiln@builder3
                    """))
            .hosts();
    assertEquals(
        List.of(
            new HostSpec(
                "e1", new HostEndpoint.Unix(Path.of("/run/kiln-engines/e1/docker.sock")), 2, 1),
            new HostSpec(
                "builder2",
                new HostEndpoint.Tcp(
                    "builder2",
                    2376,
                    Optional.of(
                        new EngineTls(
                            dir.resolve("certs/ca.pem"),
                            dir.resolve("certs/cert.pem"),
                            dir.resolve("certs/key.pem")))),
                8,
                2.5),
            new HostSpec("builder3", new HostEndpoint.Ssh("kiln", "builder3"), 1, 1)),
        hosts);
  }

  @Test
  void reportsEveryBadHostWithItsLineAndKeyPath() throws Exception {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    config(
                        """
                        hosts:
                          - endpoint: tcp://builder2:2376
                            jobs: 0
                          - endpoint: http://builder3
                            speed: -1
                            colour: red
                          - endpoint: unix:///run/e1.sock
                            name: e1
                          - endpoint: unix:///run/e2.sock
                            name: e1
                          - endpoint: tcp://b4:2376
                            tls: {ca: nowhere.pem}
                        """)));
    assertEquals(
        List.of(
            "line 6: key 'hosts[0].endpoint': a tcp endpoint needs 'tls: {ca, cert, key}' (the"
                + " client certificates of an engine started with --tlsverify); without TLS anyone"
                + " reaching the port owns the host (got tcp://builder2:2376)",
            "line 6: key 'hosts[0].jobs': want a whole number from 1 to 256 (got 0)",
            "line 8: key 'hosts[1].colour': unknown key (known: endpoint, jobs, name, speed, ssh,"
                + " tls)",
            "line 8: key 'hosts[1].endpoint': want unix:///PATH, tcp://HOST:PORT (with tls) or"
                + " ssh://USER@HOST (got http://builder3)",
            "line 8: key 'hosts[1].speed': want a number above 0, e.g. 1 or 2.5 (got -1)",
            "line 13: key 'hosts[3]': a second host named 'e1' (first on line 11): give each a"
                + " different 'name'",
            "line 15: key 'hosts[4].tls.ca': no file " + dir.resolve("nowhere.pem"),
            "line 15: key 'hosts[4].tls.cert': missing: the path of the cert file (PEM)",
            "line 15: key 'hosts[4].tls.key': missing: the path of the key file (PEM)"),
        e.problems());
  }

  @Test
  void anSshHostNamesItsPortTheEnginesSocketItsKeyAndKnownHosts() throws Exception {
    Files.createDirectories(dir.resolve("ssh"));
    Files.writeString(dir.resolve("ssh/id_ed25519"), "key");
    Files.writeString(dir.resolve("ssh/known_hosts"), "hosts");
    List<HostSpec> hosts =
        ConfigLoader.load(
                config(
                    """
                    hosts:
                      - endpoint: ssh://kiln@builder3:2222/run/kiln-engines/e1/docker.sock
                        ssh: {identity: ssh/id_ed25519, known_hosts: ssh/known_hosts}
                    """))
            .hosts();
    HostEndpoint.Ssh ssh =
        new HostEndpoint.Ssh(
            "kiln",
            "builder3",
            2222,
            "/run/kiln-engines/e1/docker.sock",
            new HostEndpoint.SshKeys(
                Optional.of(dir.resolve("ssh/id_ed25519")),
                Optional.of(dir.resolve("ssh/known_hosts"))));
    assertEquals(List.of(new HostSpec("builder3", ssh, 1, 1)), hosts);
    assertEquals("ssh://kiln@builder3:2222/run/kiln-engines/e1/docker.sock", ssh.address());
    assertEquals("ssh://kiln@builder3", new HostEndpoint.Ssh("kiln", "builder3").address());
  }

  @Test
  void reportsEveryBadSshSettingWithItsLineAndKeyPath() throws Exception {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    config(
                        """
                        hosts:
                          - endpoint: ssh://kiln@b1
                            ssh: {identity: nowhere, known: x}
                          - endpoint: unix:///run/e1.sock
                            ssh: {identity: nowhere}
                          - endpoint: ssh://kiln@b2:0
                          - endpoint: ssh://kiln@b3/
                          - endpoint: ssh://kiln@b4
                            ssh: id_rsa
                        """)));
    assertEquals(
        List.of(
            "line 6: key 'hosts[0].ssh.known': unknown key (known: identity, known_hosts)",
            "line 6: key 'hosts[0].ssh.identity': no file " + dir.resolve("nowhere"),
            "line 8: key 'hosts[1].ssh': goes with ssh:// endpoints only, not unix:///run/e1.sock",
            "line 10: key 'hosts[2].endpoint': port 0 is not from 1 to 65535 (got"
                + " ssh://kiln@b2:0)",
            "line 11: key 'hosts[3].endpoint': the engine's socket on the host must be an absolute"
                + " path, e.g. /var/run/docker.sock (got '/') (got ssh://kiln@b3/)",
            "line 12: key 'hosts[4].ssh': want {identity: PATH, known_hosts: PATH} (got"
                + " \"id_rsa\")"),
        e.problems());
  }

  @Test
  void anEmptyListIsNoHostAtAll() throws Exception {
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(config("hosts: []\n")));
    assertEquals(1, e.problems().size());
    assertEquals(
        "line 5: key 'hosts': want a list of build hosts", e.problems().get(0).split(", e.g.")[0]);
  }
}
