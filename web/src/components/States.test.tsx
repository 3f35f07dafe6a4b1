import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { ErrorState, Unavailable } from './States';

describe('states', () => {
  it('shows the server message of an ApiError', () => {
    render(<ErrorState error={new ApiError({ status: 409, code: 'spec.missing', detail: 'the project has no spec yet' })} />);
    expect(screen.getByRole('alert').textContent).toContain('the project has no spec yet');
  });

  it('marks unavailable features for automation', () => {
    const { container } = render(<Unavailable feature="DB Data" endpoint="/api/projects/{pid}/preview" />);
    expect(container.querySelector('[data-state="unavailable"]')?.getAttribute('data-feature')).toBe('DB Data');
    expect(screen.getByText('DB Data is not available on this server')).toBeTruthy();
  });
});
