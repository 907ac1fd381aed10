/** A model card's limitations as a list (nothing when it has none): the panel and the printed report. */
export function CardLimitations({ limitations }: { limitations?: readonly string[] }) {
  if (!limitations?.length) return null;
  return (
    <ul>
      {limitations.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}
