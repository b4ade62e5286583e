/** English academic years run from 1 September to 31 August. */
export interface AcademicYear {
  label: string;
  start: Date;
  end: Date;
}

export function academicYearOf(at: Date): AcademicYear {
  const year = at.getUTCMonth() >= 8 ? at.getUTCFullYear() : at.getUTCFullYear() - 1;
  return {
    label: `${year}/${String((year + 1) % 100).padStart(2, '0')}`,
    start: new Date(Date.UTC(year, 8, 1)),
    end: new Date(Date.UTC(year + 1, 8, 1)),
  };
}
