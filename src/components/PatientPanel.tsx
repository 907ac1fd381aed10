import { useEffect, useState } from 'react';
import { formatIsoDate, parseDate, type CalendarDate } from '../age/calendar-date';
import { isAfterToday } from '../age/case-age';
import { todayDate } from '../age/patient-info';
import type { Sex, Sourced } from '../age/types';
import { editPatient, useOpenCase } from '../state/case-access';
import { typedAgeMonths } from '../age/typed-age';
import './report.css';

/** Where a value came from, in a word. */
function OriginTag({ value, assumed }: { value: Sourced<unknown> | null; assumed?: boolean }) {
  if (!value) return null;
  const text = assumed ? 'assumed: today' : value.from === 'dicom' ? 'from file' : 'entered';
  return <span className={`origin origin-${assumed ? 'assumed' : value.from}`}>{text}</span>;
}

/** The ids double as test ids: the browser tests find the fields by them. */
const DATE_IDS = { birthDate: 'patient-birth-date', studyDate: 'patient-study-date' } as const;
const TEXT_IDS = { name: 'patient-name', patientId: 'patient-id' } as const;

function DateInput({ field, seq, value, max }: { field: keyof typeof DATE_IDS; seq: number; value: Sourced<CalendarDate> | null; max: string }) {
  return (
    <input
      id={DATE_IDS[field]}
      type="date"
      data-testid={DATE_IDS[field]}
      max={max}
      value={value ? formatIsoDate(value.value) : ''}
      onChange={(e) => editPatient(seq, { field, value: parseDate(e.target.value) })}
    />
  );
}

function TextInput({ field, seq, value }: { field: keyof typeof TEXT_IDS; seq: number; value: Sourced<string> | null }) {
  return (
    <input
      id={TEXT_IDS[field]}
      type="text"
      data-testid={TEXT_IDS[field]}
      value={value?.value ?? ''}
      onChange={(e) => editPatient(seq, { field, value: e.target.value })}
    />
  );
}

/**
 * Sex, birth date, study date (or the age directly) for the case on screen: read from the DICOM
 * file where it has them, editable always. A PNG/JPEG has none, so the panel asks for them.
 */
export function PatientPanel() {
  const c = useOpenCase();
  if (!c) return null;
  const { patient: p, seq } = c;
  const missing = !p.sex || (!p.birthDate && !p.ageMonths);
  // The date pickers offer no day after today (a later study date gives no age: src/age/case-age.ts).
  const today = formatIsoDate(todayDate());
  return (
    <section className="panel patient-panel" data-testid="patient-panel">
      <h2>Patient</h2>
      {missing ? (
        <p className="ask" data-testid="patient-ask">
          {p.file === 'picture' ? 'This image carries no patient data. ' : 'The file lacks some patient data. '}
          Enter the {[!p.sex ? 'sex' : null, !p.birthDate && !p.ageMonths ? 'birth date (or the age)' : null].filter(Boolean).join(' and ')} to compare the
          bone age with the norms.
        </p>
      ) : null}
      <div className="patient-fields">
        <label htmlFor="patient-sex">Sex</label>
        <span>
          <select
            id="patient-sex"
            data-testid="patient-sex"
            value={p.sex?.value ?? ''}
            onChange={(e) => editPatient(seq, { field: 'sex', value: (e.target.value || null) as Sex | null })}
          >
            <option value="">unknown</option>
            <option value="M">male</option>
            <option value="F">female</option>
          </select>{' '}
          <OriginTag value={p.sex} />
        </span>

        <label htmlFor="patient-birth-date">Birth date</label>
        <span>
          <DateInput field="birthDate" seq={seq} value={p.birthDate} max={today} />{' '}
          <OriginTag value={p.birthDate} />
        </span>

        <label htmlFor="patient-study-date">Study date</label>
        <span>
          <DateInput field="studyDate" seq={seq} value={p.studyDate} max={today} />{' '}
          <OriginTag value={p.studyDate} assumed={p.studyDate?.assumed} />
          {p.studyDate?.from === 'dicom' && p.studyDate.tag !== 'StudyDate' ? <span className="origin">{p.studyDate.tag}</span> : null}
          {p.studyDate && isAfterToday(p.studyDate.value) ? (
            <span className="field-error" data-testid="study-date-error">
              later than today: correct it
            </span>
          ) : null}
        </span>

        <label htmlFor="patient-age-years">Age</label>
        <AgeInput key={seq} seq={seq} months={p.ageMonths?.from === 'user' ? p.ageMonths.value : null} />
      </div>
      <p className="muted small">
        {p.ageMonths?.from === 'user'
          ? 'The age entered is used instead of the dates.'
          : p.ageMonths
            ? `${p.ageMonths.label} in the file is used when the dates are missing.`
            : 'Enter an age only when the dates are unknown; it overrides them.'}
      </p>
      <details className="patient-identifiers">
        <summary>Identifiers (printed only when ticked under Report)</summary>
        <div className="patient-fields">
          <label htmlFor="patient-name">Name</label>
          <span>
            <TextInput field="name" seq={seq} value={p.name} />{' '}
            <OriginTag value={p.name} />
          </span>
          <label htmlFor="patient-id">Patient ID</label>
          <span>
            <TextInput field="patientId" seq={seq} value={p.patientId} />{' '}
            <OriginTag value={p.patientId} />
          </span>
        </div>
      </details>
      {p.notes.length ? (
        <ul className="notices" data-testid="patient-notes">
          {p.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Years and months typed directly; both empty means "use the dates". */
function AgeInput({ seq, months }: { seq: number; months: number | null }) {
  const [years, setYears] = useState(months === null ? '' : String(Math.floor(months / 12)));
  const [rest, setRest] = useState(months === null ? '' : String(months % 12));
  const [error, setError] = useState<string | null>(null);
  // A date edit clears the typed age in the store: mirror that here.
  useEffect(() => {
    if (months === null) {
      setYears('');
      setRest('');
    }
  }, [months]);
  const commit = (y: string, m: string) => {
    const total = typedAgeMonths(y, m);
    if (total === 'invalid') {
      setError('Years 0–25 and months 0–11, whole numbers.');
      return;
    }
    setError(null);
    editPatient(seq, { field: 'ageMonths', value: total });
  };
  return (
    <span className="age-input">
      <input
        id="patient-age-years"
        type="number"
        min={0}
        max={25}
        inputMode="numeric"
        data-testid="patient-age-years"
        aria-label="Age, years"
        value={years}
        onChange={(e) => {
          setYears(e.target.value);
          commit(e.target.value, rest);
        }}
      />{' '}
      y{' '}
      <input
        type="number"
        min={0}
        max={11}
        inputMode="numeric"
        data-testid="patient-age-months"
        aria-label="Age, months"
        value={rest}
        onChange={(e) => {
          setRest(e.target.value);
          commit(years, e.target.value);
        }}
      />{' '}
      m
      {months !== null ? (
        <>
          {' '}
          <button type="button" className="link-button small" data-testid="patient-age-clear" onClick={() => commit('', '')}>
            use dates
          </button>
        </>
      ) : null}
      {error ? <span className="field-error" role="alert">{error}</span> : null}
    </span>
  );
}
