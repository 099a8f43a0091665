package dev.tokensandbox.tools.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The scenario file's format, {@code docs/scenario.schema.json} (JSON Schema 2020-12), as {@code
 * run-preset} enforces it: a file that does not follow it is refused with the field and the rule.
 */
public final class ScenarioSchema {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SCHEMA = load();

  private ScenarioSchema() {}

  /** Why {@code json} is not a scenario, naming the field; empty when it is one. */
  public static Optional<String> problem(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JacksonException e) {
      return Optional.of(
          "not a scenario: the file is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      return Optional.of("not a scenario: the file is not a JSON object");
    }
    List<com.networknt.schema.Error> errors = SCHEMA.validate(node);
    return errors.isEmpty()
        ? Optional.empty()
        : Optional.of(
            describe(errors.get(0))
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "")
                + " — the format: docs/scenario.schema.json");
  }

  /** An error as "labTrigger: does not have a value …", the field first. */
  private static String describe(com.networknt.schema.Error error) {
    String where = String.valueOf(error.getInstanceLocation()).replaceFirst("^(\\$\\.?|/)", "");
    return where.isEmpty() ? error.getMessage() : where + ": " + error.getMessage();
  }

  private static Schema load() {
    try (InputStream in = ScenarioSchema.class.getResourceAsStream("/scenario.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("scenario.schema.json is missing from the jar");
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
