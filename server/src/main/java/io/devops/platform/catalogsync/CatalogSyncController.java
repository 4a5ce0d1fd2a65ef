package io.devops.platform.catalogsync;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Catalog as code: export the tree, plan or apply an import (ADMIN only: see SecurityConfig). */
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogSyncController {

    static final MediaType GZIP = MediaType.parseMediaType("application/gzip");

    private final CatalogImport catalog;

    CatalogSyncController(CatalogImport catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String include) {
        return ResponseEntity.ok().contentType(GZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"catalog.tar.gz\"")
                .body(catalog.export(Kinds.parse(include)));
    }

    /** 200 with the plan (applied unless {@code dryRun}); 409 with the plan when it has conflicts. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CatalogImport.Result> importTree(@RequestParam("file") MultipartFile file,
                                                    @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        try (InputStream archive = file.getInputStream()) {
            CatalogImport.Result result = dryRun ? catalog.dryRun(archive) : catalog.apply(archive);
            return ResponseEntity.status(!dryRun && result.hasConflicts() ? HttpStatus.CONFLICT : HttpStatus.OK).body(result);
        }
    }
}
