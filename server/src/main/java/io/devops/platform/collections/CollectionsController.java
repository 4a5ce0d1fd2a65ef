package io.devops.platform.collections;

import io.devops.platform.shared.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/collections")
class CollectionsController {

    private final CollectionCatalog catalog;

    CollectionsController(CollectionCatalog catalog) {
        this.catalog = catalog;
    }

    record CollectionView(long id, String namespace, String name, String version, String sha256, long size) {

        static CollectionView of(AnsibleCollection c) {
            return new CollectionView(c.id(), c.namespace(), c.name(), c.version(), c.sha256(), c.size());
        }
    }

    @GetMapping
    List<CollectionView> list() {
        return catalog.list().stream().map(CollectionView::of).toList();
    }

    /**
     * The artifact {@code ansible-galaxy collection build} made, in the multipart part {@code file}:
     * 201 when stored, 200 when the same bytes were stored already. ADMIN only: collections run as root.
     */
    @PostMapping
    ResponseEntity<CollectionView> upload(@RequestPart(name = "file", required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "send the collection as the .tar.gz that "
                    + "'ansible-galaxy collection build' makes, in the multipart part 'file'");
        }
        try {
            var upload = catalog.upload(file.getBytes());
            return ResponseEntity.status(upload.added() ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(CollectionView.of(upload.collection()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
