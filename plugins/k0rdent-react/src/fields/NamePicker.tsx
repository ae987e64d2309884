/*
 * The one picker all k0rdent fields share: an Autocomplete over named things
 * (clusters, templates, credentials) whose value is the name. Loading, load
 * errors, "choose X first", the field's own validation errors and a detail
 * line per option (provider, versions) all look the same in every field.
 */
import CircularProgress from '@material-ui/core/CircularProgress';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';

/** One choice of a {@link NamePicker}. */
export interface NameOption {
  /** The value the field stores. */
  name: string;
  /** Shown instead of the name, when different. */
  label?: string;
  /** Second line: provider, versions, status. */
  detail?: string;
  /** Listed but not choosable, e.g. a disconnected management cluster. */
  disabled?: boolean;
}

/** Props of {@link NamePicker}. */
export interface NamePickerProps {
  id: string;
  label: string;
  description?: string;
  required?: boolean;
  rawErrors?: string[];
  value?: string;
  onChange: (name: string | undefined) => void;
  options: NameOption[];
  loading: boolean;
  /** What could not be loaded ("templates"), and why. */
  loadError?: { what: string; error: Error };
  /** Set when the picker cannot be used yet, e.g. "Choose the namespace first." */
  blockedHint?: string;
  /** Shown when there is nothing to choose. */
  noOptionsText: string;
}

/** An Autocomplete whose value is the chosen option's name. */
export function NamePicker(props: NamePickerProps) {
  const {
    id,
    label,
    description,
    required,
    rawErrors = [],
    value,
    onChange,
    options,
    loading,
    loadError,
    blockedHint,
    noOptionsText,
  } = props;
  const selected = value
    ? options.find(option => option.name === value) ?? { name: value }
    : null;
  const hasErrors = rawErrors.length > 0 || loadError !== undefined;

  return (
    <FormControl
      fullWidth
      margin="normal"
      required={required}
      error={hasErrors}
    >
      <Autocomplete<NameOption>
        id={id}
        options={options}
        value={selected}
        loading={loading}
        disabled={blockedHint !== undefined}
        noOptionsText={noOptionsText}
        getOptionLabel={option => option.label ?? option.name}
        getOptionSelected={(option, chosen) => option.name === chosen.name}
        getOptionDisabled={option => option.disabled === true}
        onChange={(_event, option) => onChange(option?.name)}
        renderOption={option => (
          <div>
            <Typography variant="body1">
              {option.label ?? option.name}
            </Typography>
            {option.detail && (
              <Typography variant="caption" color="textSecondary">
                {option.detail}
              </Typography>
            )}
          </div>
        )}
        renderInput={params => (
          <TextField
            {...params}
            label={label}
            required={required}
            error={hasErrors}
            helperText={blockedHint ?? description}
            InputProps={{
              ...params.InputProps,
              endAdornment: (
                <>
                  {loading && <CircularProgress color="inherit" size={20} />}
                  {params.InputProps.endAdornment}
                </>
              ),
            }}
          />
        )}
      />
      {loadError && (
        <FormHelperText error role="alert">
          Could not load {loadError.what}: {loadError.error.message}
        </FormHelperText>
      )}
      {rawErrors.map(message => (
        <FormHelperText key={message} error>
          {message}
        </FormHelperText>
      ))}
    </FormControl>
  );
}
