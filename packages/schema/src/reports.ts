import {reportNames, type ReportName} from '@rapport/core';
import type {CustomizationDocument, ReportAccess} from './document.js';

/** Who sees which report when a document does not say: supervisors all, agents complaints and satisfaction. */
export const defaultReportRoles: Readonly<Record<ReportName, readonly string[]>> = {
  customerSegments: ['supervisor'],
  customerLifecycle: ['supervisor'],
  complaintsByCategory: ['agent', 'supervisor'],
  complaintsByStatus: ['agent', 'supervisor'],
  complaintSla: ['agent', 'supervisor'],
  satisfaction: ['agent', 'supervisor'],
  loyaltyTiers: ['supervisor'],
  loyaltyPoints: ['supervisor'],
  salesPipeline: ['supervisor'],
};

/** The fewest customers a report figure may stand for under a document: its setting, or 5. */
export function minimumGroupSizeOf(document: CustomizationDocument): number {
  return document.reports?.minimumGroupSize ?? 5;
}

/** The reports a role sees under a document, in catalogue order, with their titles where it gives one. */
export function reportsForRole(
  document: CustomizationDocument,
  role: string,
): {readonly name: ReportName; readonly label?: ReportAccess['label']}[] {
  const show = document.reports?.show;
  return reportNames.flatMap((name) => {
    const access: ReportAccess | undefined = show
      ? show[name]
      : {roles: [...defaultReportRoles[name]]};
    if (!access?.roles.includes(role)) return [];
    return [{name, ...(access.label !== undefined && {label: access.label})}];
  });
}
