/** The plain, always-visible statement of what this tool is and is not. */
export function Disclaimer() {
  return (
    <p className="disclaimer" role="note" data-testid="disclaimer">
      <strong>Research tool — not for clinical diagnosis.</strong> Estimates come from a model trained on the RSNA Pediatric Bone
      Age data set (left-hand radiographs of children from two US hospitals) and can be wrong, especially for other populations,
      equipment or image types. Do not use them to guide the care of a patient.
    </p>
  );
}
