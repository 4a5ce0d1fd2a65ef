package io.devops.platform.notify;

import io.devops.platform.notify.Deliveries.AttemptView;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Notification channels (ADMIN): their address and secret are written, never read back. */
@RestController
@RequestMapping("/api/v1/notification-channels")
class NotificationChannelsController {

    /** The answer of "send a test message": the delivery to watch in the deliveries list. */
    record TestQueued(long deliveryId) {
    }

    private final ChannelService channels;
    private final DeliveryPlanner planner;
    private final Deliveries deliveries;

    NotificationChannelsController(ChannelService channels, DeliveryPlanner planner, Deliveries deliveries) {
        this.channels = channels;
        this.planner = planner;
        this.deliveries = deliveries;
    }

    @GetMapping
    PageResult<ChannelView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                 @RequestParam(required = false) String sort) {
        return channels.page(PageQuery.of(page, size, sort, "name,asc"));
    }

    @GetMapping("/{id}")
    ChannelView get(@PathVariable long id) {
        return channels.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ChannelView create(@Valid @RequestBody ChannelRequest request) {
        return channels.create(request);
    }

    /** A {@code url} or {@code secret} left out is kept; an empty {@code secret} removes it. */
    @PutMapping("/{id}")
    ChannelView update(@PathVariable long id, @Valid @RequestBody ChannelRequest request) {
        return channels.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        channels.delete(id);
    }

    @PostMapping("/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    TestQueued test(@PathVariable long id) {
        return new TestQueued(planner.test(channels.find(id)));
    }

    /** Every try to send through this channel, newest first. */
    @GetMapping("/{id}/deliveries")
    PageResult<AttemptView> deliveries(@PathVariable long id, @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        channels.find(id);
        return deliveries.attempts(id, PageQuery.of(page, size, null, "at,desc"));
    }
}
