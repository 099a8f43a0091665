package dev.tokensandbox.backend.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A workspace file as users leave it: edited by hand, shared, linked, created twice at once. */
class WorkspaceStoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("workspace.json");
  }

  private ObjectNode valid() {
    return JSON.valueToTree(Workspace.generate(new Random(1)));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      nullValues = "MISSING",
      value = {
        "chatsdkApiKey, MISSING, 'chatsdkApiKey: is missing'",
        "appId, MISSING, 'appId: is missing'",
        "ringnityApiKey, '', 'ringnityApiKey: must not be empty'",
        "ringnityApiKey, rn_sk_x, 'ringnityApiKey: must be at least 16 characters'",
        "chatsdkJwtSecret, x, 'chatsdkJwtSecret: must be at least 32 bytes (an HS256 key)'",
        "ringnityJwtSecret, 'has spaces in it and is long enough', 'ringnityJwtSecret: must not contain spaces'",
        "appCertificate, nothex, 'appCertificate: must be 32 hexadecimal characters'",
      })
  void aMissingOrWeakFieldIsNamed(String field, String value, String problem) throws Exception {
    ObjectNode node = valid();
    if (value == null) {
      node.remove(field);
    } else {
      node.put(field, value);
    }
    Files.writeString(file(), node.toString());
    assertThatThrownBy(() -> new WorkspaceStore(file()).load())
        .isInstanceOf(WorkspaceStore.WorkspaceException.class)
        .hasMessage("workspace " + file() + ": " + problem);
  }

  @Test
  void aFileThatIsNotJsonSaysSo() throws Exception {
    Files.writeString(file(), "{ appId: ");
    assertThatThrownBy(() -> new WorkspaceStore(file()).load())
        .hasMessageStartingWith("workspace " + file() + " is not a valid workspace file: ");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                    | no content: the file is empty",
        "[]                    | expected a JSON object, found an array",
        "'\"appId\"'           | expected a JSON object, found a string",
        "'{\"appId\": [1]}'    | appId must be a string, found an array",
        "'{\"appId\": {}}'     | appId must be a string, found an object",
      })
  void jsonThatIsNotAnObjectOfStringsNamesWhatItFound(String text, String problem)
      throws Exception {
    Files.writeString(file(), text);
    assertThatThrownBy(() -> new WorkspaceStore(file()).load())
        .isInstanceOf(WorkspaceStore.WorkspaceException.class)
        .hasMessageStartingWith(
            "workspace " + file() + " is not a valid workspace file: " + problem);
  }

  @Test
  void jsonNullIsAnEmptyWorkspace() throws Exception {
    Files.writeString(file(), "null");
    assertThatThrownBy(() -> new WorkspaceStore(file()).load())
        .hasMessage("workspace " + file() + " is empty");
  }

  @Test
  void unknownFieldsAreIgnoredAndScalarsTakenAsText() throws Exception {
    ObjectNode node = valid();
    node.putObject("addedLater").putArray("nested").add(1);
    node.put("comment", 42);
    Files.writeString(file(), node.toString());

    assertThat(new WorkspaceStore(file()).load()).contains(Workspace.generate(new Random(1)));
  }

  @Test
  void theFileLooksAsDataBindingWroteIt() throws Exception {
    Workspace workspace = Workspace.generate(new Random(1));
    new WorkspaceStore(file()).save(workspace);

    String databind =
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.valueToTree(workspace));
    assertThat(Files.readString(file())).isEqualTo(databind);
    assertThat(new WorkspaceStore(file()).load()).contains(workspace);
  }

  @Test
  void aFileOthersMayReadIsTightenedWithAWarning() throws Exception {
    Files.writeString(file(), valid().toString());
    Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
    List<String> warnings = new ArrayList<>();

    assertThat(new WorkspaceStore(file(), warnings::add).load()).isPresent();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
        .isEqualTo("rw-------");
    assertThat(warnings).singleElement().asString().contains("rw-r--r--", "owner-only");
    new WorkspaceStore(file(), warnings::add).load();
    assertThat(warnings).hasSize(1); // once fixed, nothing more to say
  }

  @Test
  void aDanglingSymlinkIsNotReplaced() throws Exception {
    Path target = dir.resolve("elsewhere/workspace.json");
    Files.createSymbolicLink(file(), target);
    WorkspaceStore store = new WorkspaceStore(file());

    assertThatThrownBy(() -> store.loadOrCreate(new SecureRandom()))
        .hasMessageContaining("symbolic link to " + target)
        .hasMessageContaining("does not exist");
    assertThat(Files.isSymbolicLink(file())).isTrue();
    assertThat(target).doesNotExist();
  }

  @Test
  void aSymlinkIsReadThroughButNeverWrittenOrChmodedThrough() throws Exception {
    Path target = dir.resolve("real.json");
    Files.writeString(target, valid().toString());
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
    Files.createSymbolicLink(file(), target);
    List<String> warnings = new ArrayList<>();

    assertThat(new WorkspaceStore(file(), warnings::add).load()).isPresent();
    assertThat(Files.getPosixFilePermissions(target))
        .as("the target's mode is not touched")
        .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(warnings).singleElement().asString().contains("chmod 600 " + target);
    assertThatThrownBy(() -> new WorkspaceStore(file()).save(Workspace.generate(new Random(2))))
        .hasMessageContaining("is a symbolic link")
        .hasMessageContaining("never writes through it");
    assertThat(Files.readString(target)).isEqualTo(valid().toString());
  }

  @Test
  void aLinkToAnotherFileNeverEchoesItsContent() throws Exception {
    Path secret = dir.resolve("shadow");
    Files.writeString(secret, "root:$6$secrethash:19000:0:99999:7:::\n");
    Files.createSymbolicLink(file(), secret);

    assertThatThrownBy(() -> new WorkspaceStore(file()).load())
        .hasMessageContaining("is not a valid workspace file")
        .hasMessageNotContaining("root")
        .hasMessageNotContaining("secrethash");
  }

  @Test
  void aFifoOrADirectoryIsRefusedAtOnceNamingThePath() throws Exception {
    Files.createDirectory(file());
    assertThatThrownBy(() -> new WorkspaceStore(file()).load())
        .hasMessage(
            "workspace "
                + file()
                + " is not a regular file (a directory, FIFO or device): give a workspace file");
    Files.delete(file());
    Process mkfifo = new ProcessBuilder("mkfifo", file().toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
    assertThatThrownBy(() -> new WorkspaceStore(file()).load())
        .hasMessageContaining("is not a regular file");
  }

  @Test
  void anUnreadableFileIsOneLineWithTheFix() throws Exception {
    Files.writeString(file(), valid().toString());
    Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("---------"));
    org.junit.jupiter.api.Assumptions.assumeFalse(
        Files.isReadable(file()), "this user reads any file (root): nothing to refuse");

    assertThatThrownBy(() -> new WorkspaceStore(file()).load())
        .hasMessage(
            "cannot read workspace " + file() + ": permission denied (chmod 600 it for this user)");
  }

  @Test
  void creatorsRacingForANewFileAgreeOnOneAppId() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 25; round++) {
        Path file = dir.resolve("round-" + round + "/workspace.json");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          long seed = round * 100L + i;
          ids.add(
              pool.submit(
                  () -> {
                    go.await();
                    return new WorkspaceStore(file).loadOrCreate(new Random(seed)).appId();
                  }));
        }
        go.countDown();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        for (Future<String> id : ids) {
          seen.add(id.get());
        }
        assertThat(seen).as("round " + round).hasSize(1);
        assertThat(new WorkspaceStore(file).load().orElseThrow().appId())
            .isEqualTo(seen.iterator().next());
        try (var leftovers = Files.list(file.getParent())) {
          assertThat(leftovers).as("no temporary files left").hasSize(1);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
