package io.devops.platform.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * At every start, installs the built-in roles' files (shipped in the jar under {@code content/})
 * into the roles directory and the built-in catalog into the database. Only what is missing is
 * added, so local edits survive and several instances may start at once.
 */
@Component
class BuiltinCatalogLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BuiltinCatalogLoader.class);
    private static final String ROLES = "content/roles/";

    private final RoleFiles files;
    private final Roles roles;
    private final Variables variables;
    private final RoleCatalog catalog;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    BuiltinCatalogLoader(RoleFiles files, Roles roles, Variables variables, RoleCatalog catalog,
                         TransactionTemplate transactions, JsonMapper json) {
        this.files = files;
        this.roles = roles;
        this.variables = variables;
        this.catalog = catalog;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        installRoleFiles();
        BuiltinContent content = readContent();
        for (BuiltinContent.RoleEntry role : content.roles()) {
            try {
                transactions.executeWithoutResult(status -> loadRole(role));
            } catch (DataIntegrityViolationException e) {
                log.info("Built-in role {} was loaded by another instance at the same time", role.name());
            }
        }
    }

    private void installRoleFiles() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
        for (Resource resource : resolver.getResources("classpath*:" + ROLES + "**")) {
            String url = resource.getURL().toString();
            int at = url.lastIndexOf(ROLES);
            if (at < 0 || url.endsWith("/") || !resource.isReadable() || isDirectory(resource)) {
                continue;
            }
            try (InputStream in = resource.getInputStream()) {
                files.installIfAbsent(url.substring(at + ROLES.length()), in);
            }
        }
    }

    private static boolean isDirectory(Resource resource) {
        try {
            return resource.isFile() && resource.getFile().isDirectory();
        } catch (IOException e) {
            return false;
        }
    }

    private BuiltinContent readContent() throws IOException {
        Resource resource = new PathMatchingResourcePatternResolver().getResource("classpath:content/catalog.yml");
        if (!resource.exists()) {
            return new BuiltinContent(List.of());
        }
        try (InputStream in = resource.getInputStream()) {
            Map<String, Object> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return json.convertValue(raw, BuiltinContent.class);
        }
    }

    private void loadRole(BuiltinContent.RoleEntry entry) {
        CatalogRole role = roles.byName(entry.name())
                .orElseGet(() -> catalog.create(entry.name(), entry.description(), CatalogRole.BUILTIN));
        List<Variable> existing = variables.ofRole(role.id());
        for (BuiltinContent.VariableEntry variable : entry.variables()) {
            if (existing.stream().noneMatch(v -> v.name().equals(variable.name()))) {
                catalog.addVariable(role.id(), variable.draft().toVariable(role.id()));
            }
        }
    }
}
