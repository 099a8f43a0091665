package dev.tokensandbox.junit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published artifacts' public API, pinned (as OkHttp pins its own): each artifact's public and
 * protected members outside {@code internal} packages are listed in {@code <module>/api/
 * <artifact>.api}, and a change to them fails here until the listing is updated on purpose ({@code
 * -Dapi.update=true}), so it shows as a diff in review. Run from the reactor: it reads the other
 * modules' compiled classes. Also: no module outside the backend reaches its internals, and the
 * JUnit artifact hands out no backend type.
 */
class PublishedApiTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static JavaClasses classes(String module) {
    Path dir = ROOT.resolve(module).resolve("target/classes");
    assertThat(dir).as(dir + " (build the reactor first: ./mvnw install)").isDirectory();
    return new ClassFileImporter().importPath(dir);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "protocol:protocol",
        "mock-backend:mock-backend",
        "sample-android/client:client",
        "tools:token-sandbox-tools",
        "junit:token-sandbox-junit"
      })
  void theApiListingIsCurrent(String moduleAndArtifact) throws IOException {
    String module = moduleAndArtifact.split(":")[0];
    Path listing =
        ROOT.resolve(module).resolve("api").resolve(moduleAndArtifact.split(":")[1] + ".api");
    String now = listing(classes(module));
    if (Boolean.getBoolean("api.update")) {
      Files.createDirectories(listing.getParent());
      Files.writeString(listing, now);
    }
    assertThat(listing).as("%s: run with -Dapi.update=true to create it", listing).exists();
    assertThat(now)
        .as("public API of %s: update %s on purpose (-Dapi.update=true)", module, listing)
        .isEqualTo(Files.readString(listing));
  }

  @Test
  void noModuleOutsideTheBackendReachesItsInternals() {
    for (String module : List.of("sample-android/client", "tools", "desktop", "junit")) {
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.tokensandbox.backend.internal..")
          .because("the backend's internal packages are not its API (" + module + ")")
          .check(classes(module));
    }
  }

  @Test
  void theJUnitArtifactHandsOutNoBackendType() {
    List<String> leaks = new ArrayList<>();
    for (JavaClass c : classes("junit")) {
      if (!c.getModifiers().contains(JavaModifier.PUBLIC)) {
        continue;
      }
      for (JavaMember m : published(c)) {
        for (String type : types(m)) {
          if (type.startsWith("dev.tokensandbox.backend.")) {
            leaks.add(c.getSimpleName() + "." + m.getName() + " → " + type);
          }
        }
      }
    }
    assertThat(leaks).as("backend types in the JUnit artifact's public API").isEmpty();
  }

  /** One line per public class and member, sorted: what a user of the artifact can call. */
  static String listing(JavaClasses classes) {
    Set<String> lines = new TreeSet<>();
    for (JavaClass c : classes) {
      if (!isPublished(c)) {
        continue;
      }
      String name = c.getName().replace('$', '.');
      lines.add(name + " " + kind(c));
      for (JavaMember m : published(c)) {
        lines.add(name + " " + signature(m));
      }
    }
    return String.join("\n", lines) + "\n";
  }

  private static boolean isPublished(JavaClass c) {
    if (c.getPackageName().contains(".internal") || c.isAnonymousClass() || c.isLocalClass()) {
      return false;
    }
    for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
      if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  private static String kind(JavaClass c) {
    return c.isRecord()
        ? "record"
        : c.isEnum()
            ? "enum"
            : c.isInterface() ? "interface" : c.isAnnotation() ? "@interface" : "class";
  }

  private static List<JavaMember> published(JavaClass c) {
    List<JavaMember> out = new ArrayList<>();
    for (JavaMember m : c.getMembers()) {
      Set<JavaModifier> mods = m.getModifiers();
      boolean visible = mods.contains(JavaModifier.PUBLIC) || mods.contains(JavaModifier.PROTECTED);
      if (visible
          && !mods.contains(JavaModifier.SYNTHETIC)
          && !mods.contains(JavaModifier.BRIDGE)) {
        out.add(m);
      }
    }
    return out;
  }

  private static String signature(JavaMember m) {
    String statics = m.getModifiers().contains(JavaModifier.STATIC) ? "static " : "";
    if (m instanceof JavaField f) {
      return statics + simple(f.getRawType().getName()) + " " + f.getName();
    }
    JavaCodeUnit u = (JavaCodeUnit) m;
    String params =
        u.getRawParameterTypes().stream()
            .map(t -> simple(t.getName()))
            .collect(Collectors.joining(", "));
    String returns = u.isConstructor() ? "" : simple(u.getRawReturnType().getName()) + " ";
    return statics + returns + (u.isConstructor() ? "<init>" : u.getName()) + "(" + params + ")";
  }

  private static List<String> types(JavaMember m) {
    List<String> out = new ArrayList<>();
    if (m instanceof JavaField f) {
      out.add(f.getRawType().getName());
    } else {
      JavaCodeUnit u = (JavaCodeUnit) m;
      out.add(u.getRawReturnType().getName());
      u.getRawParameterTypes().forEach(t -> out.add(t.getName()));
    }
    return out;
  }

  /** {@code java.lang.String} → {@code String}; project types keep their package. */
  private static String simple(String type) {
    return type.startsWith("java.lang.") && type.indexOf('.', 10) < 0
        ? type.substring(10)
        : type.replace('$', '.');
  }
}
