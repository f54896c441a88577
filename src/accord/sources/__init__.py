"""Sources that `accord watch` follows: what a feed or page lists (`listing`), polite HTTP (`fetch`,
`robots`), when to look again (`schedule`), OPML lists (`opml`), items as Documents (`documents`) and
adding sources (`manage`). Their state is stored by accord.store.sources."""
