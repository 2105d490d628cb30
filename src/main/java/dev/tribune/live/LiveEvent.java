package dev.tribune.live;

/** One event ready to send on a stream: its id (the event row's id), its kind and its JSON data. */
public record LiveEvent(long id, long discussionId, String kind, String data) {}
