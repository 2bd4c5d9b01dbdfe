/** Site-internal address for a path like `lessons/x/` or `glossary/#term`, honouring the configured base. */
export function url(path = ''): string {
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  return base + path.replace(/^\//, '');
}

export function lessonUrl(id: string, section?: string): string {
  return url(`lessons/${id}/${section ? `#${section}` : ''}`);
}
