"""Types every domain shares: money, images, SEO, pagination, the Node interface and @inContext."""
