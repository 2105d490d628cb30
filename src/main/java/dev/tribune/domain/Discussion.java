package dev.tribune.domain;

/**
 * The thread under one page of a site. commentCount counts published comments only;
 * version changes whenever the thread's text or structure changes for a reader.
 */
public record Discussion(long id, long siteId, String pageKey, Long articleId, String title, String url,
                         boolean open, boolean premoderated, int commentCount, int nextNumber, long version) {}
